# Shutaf: English messages. Every key here exists in he/ and ar/ too (a test checks).

site-name = Shutaf
skip-to-content = Skip to main content
nav-label = Main
nav-directory = Organisations
nav-localities = Localities
nav-admin = Administration
nav-signin = Sign in
nav-signup = Sign up
nav-signout = Sign out
nav-accessibility = Accessibility statement
nav-api = API (OpenAPI)
language-switch-label = Language
footer-about = Shutaf: a hub where local authorities, civil society and businesses start, run and publicly account for partnerships for local sustainability.
none = None
choose-option = Choose…
filter-all = All
action-save = Save
form-has-errors = Some fields need attention. Each problem is shown next to its field.

## Sectors, kinds, contributions, roles

sector-public = Public sector
sector-third = Third sector
sector-business = Business
sector-public-hint = A local authority, regional council, cluster of authorities, ministry or public agency.
sector-third-hint = An NGO, foundation, community group or other non-profit.
sector-business-hint = A company or social enterprise.
kind-municipality = Municipality
kind-local-council = Local council
kind-regional-council = Regional council
kind-cluster = Cluster of authorities
kind-ministry = Government ministry
kind-public-agency = Public agency
kind-ngo = Non-profit organisation (NGO)
kind-foundation = Foundation
kind-community-group = Community group
kind-academic = Academic institution
kind-company = Company
kind-social-enterprise = Social enterprise
contribution-authority = Authority and legitimacy
contribution-population-access = Access to residents and institutions
contribution-knowledge = Knowledge
contribution-budget = Budget
contribution-continuity = Continuity
contribution-public-interest-view = An overall view of the public interest
contribution-community-trust = Connection with the community and its trust
contribution-local-networks = Local networks
contribution-project-experience = Experience running public-benefit projects
contribution-flexibility = Flexibility
contribution-resource-raising = Access to raising resources
contribution-value-commitment = Value-driven commitment
contribution-rapid-execution = Immediate, flexible execution
contribution-managerial-knowledge = Managerial knowledge
contribution-prestige = Prestige
contribution-connections = Connections
locality-kind-municipality = Municipality
locality-kind-local-council = Local council
locality-kind-regional-council = Regional council
locality-kind-cluster = Cluster of authorities
role-owner = Owner
role-admin = Administrator
role-member = Member
scope-read = Read only
scope-write = Read and write

## Fields

field-email = Email address
field-password = Password
field-new-password = New password (at least 10 characters)
field-password-confirm = Repeat the password
field-display-name = Your name
field-preferred-language = Preferred language
field-name-he = Name in Hebrew
field-name-ar = Name in Arabic
field-name-en = Name in English
field-sector = Sector
field-kind = Kind of organisation
field-description = Description
field-website = Website
field-contributions = What the organisation can contribute
field-contribution = Contribution
field-contributions-text = Other contributions, in your own words
field-localities = Localities it works in
field-locality = Locality
field-locality-kind = Kind of locality
field-role = Role
field-token-name = Token name
field-token-scope = Permission
hint-markdown = You can use Markdown: **bold**, *italic*, lists and links.

## Errors

error-title = Something went wrong
error-status = Status code:
error-home-link = Back to the home page
error-not-found = This page does not exist, or was removed.
error-method-not-allowed = This address does not accept this kind of request.
error-internal = An unexpected error occurred on our side. Please try again in a moment.
error-invalid-input = Some of the details sent are not valid.
error-conflict = This conflicts with an existing record.
error-rate-limited = Too many attempts. Please wait a few minutes and try again.
error-csrf = The form has expired or did not come from this site. Go back, reload the page and try again; what you typed is usually kept by the browser.
error-too-large = What was sent is too large.
error-bad-form = The form could not be read. Please try again.
error-bad-json = The request body is not valid JSON of the expected shape.
error-token-read-only = This token can only read. Create a token with write permission for this action.
error-link-invalid = This link is not valid: it may have been used already or have expired. You can ask for a new one.
error-required = This field is required.
error-email-invalid = Enter an email address like name@example.org.
error-password-short = The password must be at least 10 characters long.
error-password-mismatch = The two passwords are not the same.
error-too-long = This is too long.
error-invalid-characters = This contains characters that are not allowed.
error-website-invalid = Enter a full web address starting with https:// or http://.
error-name-one-language = Enter a name in at least one language.
error-choose-option = Choose one of the options.
error-kind-sector = This kind of organisation does not belong to the chosen sector.
error-convener-public = The convener must be a public-sector organisation.
refused-sign-in = Please sign in first.
refused-unverified = Please confirm your email address first: we sent you a link.
refused-not-organisation-admin = Only the organisation's owners and administrators can do this.
refused-only-owner-manages-owners = Only an owner can appoint or remove owners.
refused-last-owner = The organisation's last owner cannot leave or stop being an owner. Appoint another owner first.
refused-not-platform-admin = Only the hub's administrators can do this.

## Home

home-title = Partnerships for local sustainability
home-lead = Cities cannot reach their sustainability goals alone. Here local authorities, civil-society organisations and businesses find each other, agree on what each brings, and account for their partnerships in public.
home-browse = Browse organisations
home-join = Join the hub
home-sectors-heading = What each sector brings
home-organisation-count = { $count ->
    [one] One organisation is registered.
   *[other] { $count } organisations are registered.
}

## Accounts

signup-title = Create an account
signup-lead = An account lets you create an organisation or join one, and take part in partnerships.
signup-submit = Create account
signup-have-account = Already have an account?
signup-check-mail-title = Check your email
signup-check-mail-body = We sent a message to { $email }. Follow the link in it to confirm your address, then sign in.
signin-title = Sign in
signin-submit = Sign in
signin-forgot = Forgot your password?
signin-no-account = No account yet?
signin-failed = The email address or the password is not right.
signin-unverified = Your email address is not confirmed yet. We sent you a new link; follow it and sign in again.
forgot-title = Reset your password
forgot-lead = Enter your email address. If it belongs to an account, we will send a link to choose a new password.
forgot-submit = Send the link
forgot-sent-title = Check your email
forgot-sent-body = If { $email } belongs to an account, a link to reset the password is on its way. It is valid for one hour.
reset-title = Choose a new password
reset-submit = Save the new password
profile-title = Your profile
profile-language-auto = As the browser asks
profile-organisations = Your organisations
profile-no-organisations = You are not a member of any organisation yet.
tokens-title = API tokens
tokens-lead = Personal tokens let programs use the hub's API on your behalf. A read-only token can only read; a read-and-write token can do what you can do.
tokens-empty = You have no API tokens.
tokens-new = New token
tokens-create = Create token
tokens-created = The token was created. Copy it now: it will not be shown again.
tokens-secret = Your new token
tokens-created-at = Created
tokens-actions = Actions
tokens-revoke = Revoke
flash-email-verified = Your email address is confirmed. You can sign in now.
flash-password-reset = Your password was changed. Sign in with the new one.
flash-saved = Saved.
flash-token-revoked = The token was revoked.
flash-invited = The invitation was sent.
flash-joined = Welcome: you are now a member of the organisation.
flash-left = You left the organisation.
flash-locality-created = The locality was created.

## Mail

mail-verify-subject = Confirm your email address for Shutaf
mail-verify-body = Hello,

    To confirm your email address and finish creating your Shutaf account, open this link:

    { $link }

    The link is valid for 24 hours. If you did not sign up, you can ignore this message.
mail-exists-subject = Someone tried to sign up to Shutaf with your address
mail-exists-body = Hello,

    Someone tried to create a Shutaf account with this email address, which already has an account. If it was you, sign in; if you forgot your password, you can reset it here:

    { $link }

    If it was not you, you can ignore this message.
mail-reset-subject = Reset your Shutaf password
mail-reset-body = Hello,

    To choose a new password, open this link:

    { $link }

    The link is valid for one hour. If you did not ask for this, you can ignore this message; your password stays as it is.
mail-invite-subject = Invitation to join { $organisation } on Shutaf
mail-invite-body = Hello,

    { $inviter } invites you to join { $organisation } on Shutaf, the hub for cross-sector sustainability partnerships. To accept, open this link:

    { $link }

    The invitation is valid for 14 days.

## Organisations

directory-title = Organisations
directory-lead = Public bodies, non-profits and businesses working on local sustainability, and what each can contribute.
directory-search = Search by name or words
directory-filter = Filter
directory-empty = No organisation matches these filters.
directory-count = { $count ->
    [one] One organisation
   *[other] { $count } organisations
}
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page-of = Page { $page } of { $pages }
org-new-title = New organisation
org-edit-title = Edit organisation
org-choose-sector = Which sector does the organisation belong to? The contributions usual for the sector are then pre-selected; you can change them.
org-names = Name
org-names-hint = Give the name in every language you use; at least one is needed.
org-contributions-hint = What the organisation can bring to a partnership. The usual contributions of its sector are pre-selected.
org-create = Create organisation
org-convenes = Convenes partnerships in
members-title = Members
members-name = Name
members-change = Change
members-remove = Remove from organisation
members-invite = Invite a person
members-send-invitation = Send invitation
members-pending = Invitations not yet accepted
members-leave-heading = Leave the organisation
members-leave = Leave
invitation-title = Invitation
invitation-lead = You are invited to join { $organisation } as { $role }.
invitation-accept = Accept the invitation
invitation-sign-in-first = To accept, sign in, or create an account first and then open this link again.

## Localities

localities-lead = The localities on the hub and the organisations that convene partnerships in them.
localities-empty = No locality has been added yet.
localities-heading = Localities
locality-convener = Convener
locality-organisations = Organisations working here
locality-goals = Goals on the agenda
locality-no-goals = No goals have been published yet.
locality-edit-title = Edit locality
goal-title = Goal
goal-department = Department
goal-year = Work-plan year
goal-budget-line = Budget line
admin-title = Administration
admin-new-locality = Add a locality
admin-create-locality = Add locality
admin-convener-hint = The public body whose staff convene partnerships in this locality.

## Accessibility statement

accessibility-title = Accessibility statement
accessibility-commitment = Shutaf is built to be usable by everyone, including people with disabilities, in Hebrew, Arabic and English, in line with Israeli Standard 5568 and WCAG 2.1 at level AA.
accessibility-measures-heading = What we do
accessibility-measure-standard = Pages have landmarks, headings in order, labelled form fields, errors shown next to their field, and sufficient colour contrast.
accessibility-measure-languages = Each page declares its language and direction; Hebrew and Arabic are shown right to left.
accessibility-measure-keyboard = Everything can be done with a keyboard, with a visible focus and a link to skip to the main content; every core action works without JavaScript.
accessibility-measure-testing = Every page is checked automatically with axe-core in each language as part of our tests.
accessibility-limits-heading = Known limitations
accessibility-limits = Content written by organisations (such as descriptions) may not meet every requirement. Tell us and we will help fix it.
accessibility-contact-heading = Contact
accessibility-contact = If you meet a barrier, write to the hub's administrators at the address given by your local authority. We answer within 14 days.
accessibility-updated = This statement was last reviewed in November 2026.
