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
error-bad-request = The request could not be read: check the address, its parameters and what was sent.
error-bad-multipart = The upload could not be read: send multipart/form-data with each file in a field named file.
error-token-read-only = This token can only read. Create a token with write permission for this action.
error-link-invalid = This link is not valid: it may have been used already or have expired. You can ask for a new one.
error-required = This field is required.
error-email-invalid = Enter an email address like name@example.org.
error-password-short = The password must be at least 10 characters long.
error-password-mismatch = The two passwords are not the same.
error-too-long = This is too long.
error-invalid-characters = This contains invisible control characters (such as direction overrides or characters a feed cannot carry). Remove them and try again.
error-website-invalid = Enter a full web address starting with https:// or http://.
error-name-one-language = Enter a name in at least one language.
error-choose-option = Choose one of the options.
error-invalid-cursor = This page link is not valid; start again from the first page.
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
flash-redacted = The text is redacted, and the redaction is on the decision log.

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
directory-count-more = More than { $count } organisations
pagination-page = Page { $page }
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
admin-redact-title = Redact a text beside the record
admin-redact-intro = A name, reasons, a donor or other free text shown beside an entry of the decision log is erased for good, with its salt, beside the log and from every page, API answer, feed and file that showed it; "Redacted on <date>: <ground>" stands in its place. The entry itself does not change and still verifies, and the redaction goes on the log as a new entry that names no one. A redaction cannot be undone.
admin-redact-entry = Entry number
admin-redact-field = Text
admin-redact-ground = Ground
admin-redact-confirm = I understand that the text is erased for good
admin-redact-submit = Redact the text
error-redaction-entry = Write the entry's number (0 or more).
error-redaction-confirm = Confirm that the text is erased for good.
error-redaction-no-entry = The log has no entry with this number.
error-redaction-no-text = No such text is shown beside this entry (a sealed text is opened only by its call's decision).
error-redaction-already = This text is redacted already.
record-redact = Redact

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

## Lifecycle

stage-idea = Idea
stage-convened = Convened
stage-scoping = Scoping
stage-building = Building the partnership
stage-agreed = Agreed
stage-implementing = Implementing
stage-reviewing = Reviewing
stage-sustaining = Sustaining outcomes
stage-closed = Closed
stage-declined = Declined
stage-withdrawn = Withdrawn
model-sustainable-practice = The city helps businesses move to sustainable practice
model-community-responsibility = Businesses act for the community
model-green-economy = A green local economy
model-joint-agenda = The city and businesses advance a joint agenda
management-joint = Managed jointly
management-led-by-one = Led by one partner, the others in an ideational partnership
gate-convene-early = The locality's convener has not engaged yet: nothing moves past the idea stage until the convener names a contact person or declines with published reasons.
gate-convene-early-remedy = Ask the convener to review the idea and name a contact person; the hub notified them when the idea was proposed.
gate-fit-agenda = The initiative is not linked to any goal on the locality's agenda: building the partnership needs at least one linked goal.
gate-fit-agenda-remedy = Link the initiative to at least one of the goals the locality has published. If none fits, ask the convener whether the idea is on the city's agenda at all.
gate-fit-budget = The initiative's place in the city's work plan and budget is not recorded yet, and the partners cannot agree before it is.
gate-fit-budget-remedy = Record the work-plan item and the budget line together with the convener, or record that no municipal budget is needed, and why.
gate-keep-roles = To agree, every partner needs a recorded role and committed contributions, and the partners must come from at least two sectors.
gate-keep-roles-remedy = Record each partner's role and what it commits to bring (in cash or in kind). If all partners are from one sector, bring in a partner from another sector before agreeing.
gate-shared-vision = Not every partner has endorsed the current version of the charter: a partnership is agreed only when all partners endorse the same version.
gate-shared-vision-remedy = If there is no charter yet, draft one together; then ask each partner that has not endorsed the current version to do so. A new version needs everyone's endorsement again.
gate-integrity = A partnership between the locality and a business needs an open call, a published competing-proposals notice or a recorded exemption reason, and interest declarations from everyone who decides.
gate-integrity-remedy = Run an open call or publish a notice inviting competing proposals, or record the exemption reason that applies; then have everyone who decides declare their interests, and record any recusal.
refused-no-such-transition = This stage cannot be reached from the current one.
refused-not-your-part = Your role in this initiative does not allow this step.
refused-reason-required = A reason is needed, and will be published.
refused-gates-unmet = This step is not possible yet:
party-convener-staff = The convener's staff
party-lead = The lead partner
party-partner = A partner
severity-notice = Notice
severity-warning = Warning
severity-critical = Critical
risk-late-convening = { $count ->
    [one] The idea has waited one day for the locality's convener to respond. Bringing the city in late is a known way partnerships fail.
   *[other] The idea has waited { $count } days for the locality's convener to respond. Bringing the city in late is a known way partnerships fail.
}
risk-late-convening-remedy = Contact the convener directly. The convener's staff should name a contact person, or decline the idea with published reasons.
risk-no-goal-fit = The initiative is not linked to any goal on the locality's agenda, so it may not answer the city's needs.
risk-no-goal-fit-remedy = Link the initiative to one or more of the locality's goals together with the convener. If none fits, rethink the idea with the city before going further.
risk-no-budget-fit = The initiative has reached the building stage or beyond, but its place in the city's work plan and budget is not recorded.
risk-no-budget-fit-remedy = Record the work-plan item and the budget line together with the convener, or record that no municipal budget is needed, and why.
risk-uncovered-contributions = { $count ->
    [one] One needed contribution is not committed by any partner yet: { $items }.
   *[other] { $count } needed contributions are not committed by any partner yet: { $items }.
}
risk-uncovered-contributions-remedy = Ask the current partners whether one of them can commit it, or find an organisation in the directory that offers it and invite it to the partnership.
risk-single-sector = The partners do not come from two sectors or more yet: this is not a cross-sector partnership.
risk-single-sector-remedy = Invite a partner from another sector that brings what is missing; the directory shows what each organisation can contribute.
risk-expectations-gap = The partners' expectations are far apart on: { $items }.
risk-expectations-gap-remedy = Compare the answers together at your next meeting and agree on shared expectations; the advice under each question says what to talk about. Write what you agree into the charter.
risk-missing-endorsements = { $count ->
    [one] One partner has not endorsed the current version of the charter yet, or there is no charter yet.
   *[other] { $count } partners have not endorsed the current version of the charter yet, or there is no charter yet.
}
risk-missing-endorsements-remedy = If there is no charter, draft one together: shared vision, objectives, roles, contributions and how decisions are made. Then ask each partner to endorse the current version; every new version needs everyone's endorsement again.
risk-integrity-gap = The city and a business are partners without an open call, a published competing-proposals notice or a recorded exemption reason, or without interest declarations from everyone who decides.
risk-integrity-gap-remedy = Run an open call or publish a notice inviting competing proposals, or record the exemption reason that applies, and ask everyone who decides to declare their interests. A gift to the authority needs a decision of the donations committee.
risk-integrity-no-competition-or-exemption = No open call, competing-proposals notice or exemption reason
risk-integrity-declarations-missing = Interest declarations missing from people who decide
risk-no-indicators = The partnership is agreed or under way, but has no indicator to measure its results by.
risk-no-indicators-remedy = Add at least one indicator with a baseline, a target, a unit and a due date, preferably linked to one of the UN Sustainable Development Goals.
risk-no-activity = { $count ->
    [one] Nothing has been recorded on this initiative for one day.
   *[other] Nothing has been recorded on this initiative for { $count } days.
}
risk-no-activity-remedy = Record the latest meeting, decision or measurement. If the work has stalled, decide with the partners whether to go on, move to review, or end the partnership.
expectation-time-to-first-result = When do you expect the first visible result?
expectation-time-to-first-result-quarter = Within a quarter
expectation-time-to-first-result-half-year = Within half a year
expectation-time-to-first-result-year = Within a year
expectation-time-to-first-result-several-years = In several years
expectation-time-to-first-result-advice = Agree on an early, visible milestone that fits the city's budget year, and say openly what can be shown in the first quarter.
expectation-decision-speed = How fast do you expect decisions to be taken?
expectation-decision-speed-days = Within days
expectation-decision-speed-weeks = Within weeks
expectation-decision-speed-months = Within months
expectation-decision-speed-budget-cycle = Along the yearly budget cycle
expectation-decision-speed-advice = Map who decides what and how long each approval takes (council, committees, board); agree which decisions the working team takes itself, and plan the others around the city's budget cycle.
expectation-publicity = How much publicity do you want for the partnership?
expectation-publicity-none = None
expectation-publicity-low = A little
expectation-publicity-moderate = A moderate amount
expectation-publicity-high = A lot
expectation-publicity-advice = Agree in the charter what is made public and when, whose names and logos appear, who approves press releases, and how credit is shared among the partners.
expectation-risk-appetite = How much risk will you accept for a new approach?
expectation-risk-appetite-low = Little: proven approaches only
expectation-risk-appetite-moderate = Some: a limited pilot
expectation-risk-appetite-high = Much: we are ready to try something untested
expectation-risk-appetite-advice = Agree on a small pilot with a clear test of success and a set point to decide together whether to go on, scale up or stop, so that no partner carries more risk than it accepted.
expectation-budget-certainty = How certain is your budget for this partnership?
expectation-budget-certainty-committed = Committed
expectation-budget-certainty-likely = Likely, not yet approved
expectation-budget-certainty-uncertain = Uncertain
expectation-budget-certainty-advice = Say openly which money is approved and which is not, and when approvals are due; plan the first phase on committed money only, and write into the charter what happens if expected money does not come.
expectation-commitment = How long do you mean to stay in the partnership?
expectation-commitment-one-off = A one-off project
expectation-commitment-one-year = About a year
expectation-commitment-several-years = Several years
expectation-commitment-open-ended = With no set end
expectation-commitment-advice = Agree on the partnership's time horizon and on who carries the work on when a partner leaves; set a date for a review and write exit terms into the charter.
expectation-reporting-cadence = How often do you expect to hear about progress?
expectation-reporting-cadence-monthly = Every month
expectation-reporting-cadence-quarterly = Every quarter
expectation-reporting-cadence-yearly = Once a year
expectation-reporting-cadence-advice = Agree on one reporting rhythm and format that serves every partner, for example a short monthly update and a fuller quarterly report, and name who writes it.

## Initiatives

action-remove = Remove
activity-title = What happened
checkup-title = Checkup
checkup-clear = No open risks.
checkup-remedy = What to do:
steps-title = Next steps
steps-none = There is no step for you to take here now.
steps-sign-in = Sign in to take part in this initiative.
move-to-convened = Convene
move-to-scoping = Start scoping
move-to-building = Start building the partnership
move-to-agreed = Mark as agreed
move-to-implementing = Start implementing
move-to-reviewing = Start a review
move-to-sustaining = Sustain the outcomes
move-to-closed = Close
move-to-declined = Decline, with published reasons
move-to-withdrawn = Withdraw, with published reasons
field-reason = Reasons (published)
field-stage = Stage
field-sort = Order
sort-newest = Newest first
sort-risk = Most at risk first
field-initiative-title = Title
field-initiator = Proposed by (organisation)
field-problem = The problem
field-approach = The approach
field-in-hebrew = In Hebrew
field-in-arabic = In Arabic
field-in-english = In English
field-model = Partnership model
field-management = Management
field-goals = Goals of the locality it serves
field-needs = Contributions it needs
field-partner-role = Role
field-interests = Interests
field-benefits = Expected benefits
field-cash = Cash
field-in-kind = In kind (estimate)
field-cash-shekels = Cash (₪)
field-in-kind-shekels = In-kind estimate (₪)
field-period = Period
field-work-plan-item = Work-plan item
field-no-budget-reason = Why no municipal budget is needed
initiative-new-title = Propose an initiative
initiative-new-lead = Any organisation can propose a partnership. The locality's convener hears of it at once, so the city comes in early.
initiative-edit-title = Edit the initiative
initiative-propose = Propose the initiative
initiative-show-goals = Show this locality's goals
initiative-need-organisation = To propose an initiative you act for an organisation you manage.
initiative-goals-hint = Tie the initiative to the city's agenda: the goals of its sustainability plan and work plan.
initiative-no-goals-yet = Choose a locality to see its goals.
initiative-needs-hint = What partners should bring. The checkup shows what is still uncovered.
initiative-proposed-by = Proposed by
initiative-published-reasons = Published reasons:
initiative-about = About the initiative
initiative-engage = Engage as convener
initiative-engage-hint = You become the convener's contact person for this initiative.
need-covered = covered
need-uncovered = nobody brings it yet
work-plan-title = Work-plan placement
work-plan-not-recorded = Not recorded yet
work-plan-placed = In the work plan
work-plan-no-budget-needed = No municipal budget needed
partners-title = Partners
partner-status-active = Partner
partner-status-invited = Invited, has not answered yet
partner-status-requested = Asked to join
partner-describe = Our role, interests and expected benefits
partner-invite = Invite
partner-invite-label = Organisation number
partner-invite-hint = The number at the end of the organisation's page address in the directory.
partner-ask-to-join = Ask to join for { $organisation }
partner-accept = Accept as partner
partner-remove = Remove from the initiative
partner-leave = Leave the initiative
contribution-commit = Commit a contribution
convener-tools = For the convener
integrity-title = How the business partner was chosen
integrity-hint = A partnership between the city and a business needs an open call or a published competing-proposals notice, or a recorded exemption reason.
integrity-competition = An open call was run, or a competing-proposals notice published
integrity-exemption = Exemption reason
integrity-exemption-text = Explanation (published)
exemption-below-threshold = Below the tender value threshold
exemption-special-expertise = Special expertise
exemption-sole-provider = Sole provider
exemption-no-municipal-money = No municipal money or asset involved
declaration-title = Declaration of interests
declaration-question = Do you have an interest in any party to this initiative?
declaration-none = No interests to declare
declaration-some = I have interests to declare
declaration-details = Which organisations, and what relation
declaration-submit = Declare
dashboard-title = Initiatives
dashboard-lead = Every initiative in the locality, its stage and its open risks.
dashboard-empty = No initiative matches.
dashboard-count = { $count ->
    [one] One initiative
   *[other] { $count } initiatives
}
charter-title = Partnering charter
charter-lead = The partners' shared agreement: not legally binding, versioned, endorsed by each partner.
charter-none = No charter has been proposed yet.
charter-version = Version
charter-endorsements = Endorsements of this version
charter-endorsed = endorsed the current charter
charter-not-endorsed = has not endorsed the current charter
charter-endorse = Endorse this version
charter-compare = Compare versions
charter-compare-a = First version
charter-compare-b = Second version
charter-section = Section
charter-changed = changed
charter-propose = Propose a new version
charter-propose-hint = A new version clears all endorsements: each partner endorses it again.
charter-vision = Shared vision
charter-vision-hint = What the partners want to achieve together.
charter-objectives = Objectives
charter-objectives-hint = Specific, measurable, achievable, resource-based and time-bound.
charter-roles = Each partner's role
charter-roles-hint = Who does what; keep each sector to what it does best.
charter-contributions = Contributions
charter-contributions-hint = What each partner commits, in cash and in kind.
charter-interests = Interests and expected benefits
charter-interests-hint = What each partner hopes to gain.
charter-governance = Governance
charter-governance-hint = Who leads, and how the partnership is run.
charter-decisions = How decisions are made
charter-decisions-hint = Who decides what, and how.
charter-meetings = Meeting cadence
charter-meetings-hint = How often the partners meet.
charter-disputes = Dispute resolution
charter-disputes-hint = What happens when partners disagree.
charter-communication = Communication
charter-communication-hint = How partners keep each other informed.
charter-publicity = What is made public
charter-publicity-hint = What the public sees, and when.
charter-review = Review triggers
charter-review-hint = When the charter is reviewed, for example when a partner joins or leaves.
charter-exit = Exit
charter-exit-hint = How a partner leaves, and what happens then.
expectations-title = Expectations
expectations-lead = Each partner answers the same short questionnaire, so that mismatched expectations come up early.
expectations-gaps = Where partners diverge
expectations-no-gaps = No large gaps between the partners' answers.
expectations-talk-about = To talk about:
expectations-answers = The partners' answers
expectations-question = Question
expectations-unanswered = Not answered
expectations-answer-for = Answers of { $organisation }
sdg-local-target = local target
event-proposed = Proposed
event-edited = Edited
event-convener-engaged = The convener engaged
event-partner-invited = Invited as partner
event-partner-requested = Asked to join
event-partner-joined = Joined as partner
event-partner-left = Left the initiative
event-partner-described = Described its role
event-contribution-committed = Committed a contribution
event-contribution-withdrawn = Withdrew a contribution
event-work-plan-recorded = Work-plan placement recorded
event-integrity-recorded = Choice of the business partner recorded
event-interests-declared = Interests declared
event-charter-proposed = Charter version proposed
event-charter-endorsed = Charter endorsed
event-expectations-answered = Expectations answered
event-stage-idea = Back to idea
event-stage-convened = Convened
event-stage-scoping = Scoping started
event-stage-building = Building started
event-stage-agreed = Agreed
event-stage-implementing = Implementation started
event-stage-reviewing = Review started
event-stage-sustaining = Sustaining the outcomes
event-stage-closed = Closed
event-stage-declined = Declined
event-stage-withdrawn = Withdrawn
flash-engaged = You engaged as the convener's contact person.
flash-stage-changed = The stage was changed.
flash-charter-proposed = The new charter version was proposed.
flash-endorsed = The charter was endorsed.
error-already-partner = This organisation is already in the initiative.
error-amount = Enter an amount in shekels, like 12500 or 12,500.50.
error-changed-meanwhile = Someone changed the initiative meanwhile. Reload the page, check, and try again.
error-charter-not-current = Only the current charter version can be endorsed.
error-initiator-managed = Choose an organisation you manage.
error-sdg-code = Enter an SDG code like 7, 7.2 or 7.2.1.
error-sdg-unknown-target = There is no such SDG target.
refused-convener-only = Only the locality's convener does this.
refused-initiative-ended = This initiative has ended.
mail-initiative-subject = A new initiative to convene: { $title }
mail-initiative-body = Hello,

    A new partnership initiative was proposed in your locality: { $title }

    Convene early: look at it and engage (name a contact person), or decline with published reasons:

    { $link }

## Agenda

action-edit = Edit
goal-new-title = Add a goal
goal-edit-title = Edit the goal
goal-horizon = Target year
goal-status = Status
goal-status-active = Active
goal-status-achieved = Achieved
goal-status-dropped = Dropped
goal-sdg-codes = SDG goals and targets
goal-sdg-codes-hint = Codes separated by commas: a goal (7), a target (7.2) or a local target of the locality (7.2.1).
sdg-translation-note = SDG texts in English and Arabic are the UN's official texts; the Hebrew texts are this platform's own translation.
error-year = Enter a year between 2000 and 2100.

## Matching

suggestions-title = Suggested partners
suggestions-lead = Organisations working in this locality that would complete this partnership: those that bring what nobody brings yet and a sector still missing come first. Each suggestion says why.
suggestions-empty = No organisation working in this locality would add what this initiative still lacks. Organisations say in their profile where they work.
suggestion-score = Fit:
reason-covers = Brings what nobody brings yet: { $items }
reason-new-sector = Adds a sector still missing: { $sector }
reason-same-locality = Already works in this locality
reason-shared-goals = Has worked on the same SDG goals: { $items }
reason-record = { $count ->
    [one] One earlier partnership reached agreement
   *[other] { $count } earlier partnerships reached agreement
}
opportunities-title = Where we are needed
opportunities-lead = Open initiatives in its localities that need what this organisation offers, and goals in its localities that no initiative serves yet.
opportunities-initiatives = Open initiatives that need us
opportunities-empty = No open initiative needs what this organisation offers right now.
opportunities-covers = We would bring: { $items }
open-goals-title = Goals waiting for an initiative
open-goals-empty = Every active goal in this organisation's localities already has an initiative.

## Notifications

notifications-title = Notifications
notifications-empty = No notifications.
notifications-new = New:
notifications-unread = unread
notifications-mark-read = Mark all as read
notification-initiative-proposed = A new initiative was proposed in your locality: convene early.

## Local targets

local-targets-title = The locality's own targets
local-targets-empty = No local targets yet.
local-targets-define = Define a local target
local-targets-hint = A target of the locality's own under an official SDG target, numbered after it: 7.2.1, 7.2.2, ...
local-target-code = Code
error-sdg-local-code = A local target's code has three parts, like 7.2.1.
error-sdg-local-undefined = This local target is not defined yet: define it on the locality's page first.

field-lead = Lead partner
field-lead-hint = In a partnership led by one partner, the lead accepts partners and moves the initiative on.
field-lead-initiator = The initiator

## Decision log

error-log-range = That range is not in the log.
error-note-malformed = That is not a signed checkpoint (a C2SP signed note).
error-checkpoint-differs = That checkpoint is not the one this hub signed at that size.
error-cosignature-unknown = No cosignature in it is by a witness this hub accepts, or none verifies.
record-title = Public record of decisions
record-lead = Every decision on the locality's partnerships, in order, as it was made. The record is append-only: anyone can check that no entry was changed or removed since.
record-feed = Follow as a feed (Atom)
record-kind = Decision
record-index = No.
record-date = Date
record-initiative = Initiative
record-by = By
record-detail = Particulars
record-empty = No decision is recorded yet.
record-count = { $count ->
    [one] One decision
   *[other] { $count } decisions
}
record-count-more = More than { $count } decisions
record-audit-title = For auditors
record-audit = The record is a Merkle tree as in RFC 6962 (Certificate Transparency), with tree heads signed by this hub's Ed25519 key. These addresses give the signed head, the key, the entries with their canonical bytes, and inclusion and consistency proofs; the command shutaf verify checks a hub's log.
refused-who-may = Who may: { $parties }.

## Integrity: declarations, recusal, notices (issue 4)
declaration-hint = Anyone who decides for the convener, or for a business partner, declares first. A tie with a partner means you step aside from this initiative; that is recorded publicly.
declaration-hint-call = Evaluators and the convener's staff declare before scoring or deciding. A tie with an applicant means you step aside from that application; that is recorded publicly.
declaration-ties = Your ties with these organisations
relation-none = No tie
relation-employee = I work there (or did in the last two years)
relation-director = I sit on its board or management
relation-owner = I own a share of it
relation-relative = A close relative works there, runs it or owns it
relation-business = It is my client or supplier
relation-member = I volunteer or am a member there
relation-other = Another tie (described below)
declarations-title = Declarations of interest
declarations-none-yet = No declarations yet.
recusals-title = Stepped aside
recusals-none = Nobody has stepped aside.
recusal-line = { $person } stepped aside because of a tie with { $organisation }
declaration-sealed = Interests declared; with whom is published once the call is decided.
call-integrity-sealed = Until the call is decided, who applied is sealed: the ties in declarations, and the applications someone stepped aside from, are published with the decision.
call-recusals-sealed = { $count ->
    [one] Someone stepped aside from one application.
   *[other] Someone stepped aside from an application { $count } times.
}
integrity-record-title = Integrity and equal opportunity
choice-label = How the business partner was chosen
choice-open-call = Open call
choice-competing-proposals = Notice inviting competing proposals
choice-competition = Another competitive procedure
choice-exemption = Exempt from competition
choice-unrecorded = Not recorded yet
notice-title = Competing proposals
notice-hint = A business brought this initiative to the city. Publish a summary and a window in which others may propose alternatives; then decide, with reasons.
notice-summary = Summary of the proposal (published)
notice-closes = Proposals accepted until
notice-open = open for proposals
notice-publish = Publish the notice
notice-alternatives = Alternative proposals
notice-no-alternatives = No alternative proposals.
notice-alternatives-sealed = { $count ->
    [0] No alternative proposal yet. Who proposes is published with the decision after the notice.
    [one] One alternative proposal received. Who proposed it is published with the decision after the notice.
   *[other] { $count } alternative proposals received. Who proposed them is published with the decision after the notice.
}
notice-your-alternatives = Your organisation's proposal, which only you and the convener's staff see until the decision:
notice-your-alternative = Your alternative proposal
notice-propose = Send the proposal
notice-outcome = Decision
notice-chosen = The alternative chosen (if any)
notice-decide = Record the decision
notice-outcome-original = Go on with the original proposal
notice-outcome-alternative = Go on with an alternative proposal
notice-outcome-open-call = Hold an open call instead
notice-outcome-dropped = Go on with none of them
time-in-israel = Israel time
field-reasons = Reasons (published)
field-organisation = Organisation
choose-one = Choose…
matter-initiative = Initiative
matter-call = Call
refused-undeclared = Declare your interests on this matter first: decisions here need a declaration.
refused-recused = You declared a tie with a party to this matter, so you have stepped aside from it; this is on the public record. Someone else decides.
refused-notice-exists = A notice was already published for this initiative.
refused-notice-closed = The window for alternative proposals has closed.
refused-notice-window-open = The window for alternative proposals is still open; decide after it closes.
refused-notice-decided = The decision after the notice was already recorded.
error-declaration-empty = Name the organisations you are tied to, or describe your interests.
error-choose-alternative = Choose one of the alternative proposals received.
error-alternative-not-chosen = Only a decision to go on with an alternative names one.
error-organisation-managed = Choose an organisation you own or administer.
error-too-many = Too many; remove some.
error-deadline-format = Give a date and time, like 31/12/2026 12:00.
error-deadline-past = The time must be in the future.

## Open calls
calls-title = Open calls
calls-lead = Calls for partners and proposals, open to every organisation. Scores and reasons are published once a call is decided.
calls-empty = No calls yet.
call-new = New call
call-edit-title = Edit the draft call
call-form-lead = A call is a draft until you publish it. Once published it is on the public record and does not change.
call-language = Written in
call-title = Title
call-purpose = Purpose
call-purpose-hint = What the call is for, and the goals it serves.
call-sought = What is sought
call-sought-hint = What kind of partner or proposal you are looking for.
call-eligibility = Who may apply
call-deadline = Deadline
call-criteria = Criteria and weights
call-criteria-hint = Each criterion has a weight; the weights add up to 100. Evaluators score every application on every criterion from 0 to 10, with reasons.
call-criterion-name = Criterion
call-criterion-weight = Weight (%)
call-goals = Goals it serves
call-evaluators = Evaluators
call-evaluators-hint = Their e-mail addresses, separated by commas. Each is asked by mail, and evaluates once they accept.
call-save-draft = Save the draft
call-phase = Stage
call-phase-draft = Draft
call-phase-accepting = Accepting applications
call-phase-evaluating = Being evaluated
call-phase-awarded = Awarded
call-phase-cancelled = Ended without award
call-status-draft = Draft
call-status-open = Open
call-status-awarded = Awarded
call-status-cancelled = Cancelled
call-published-at = Published
call-applications = Applications
call-application-count = { $count ->
    [one] one application
   *[other] { $count } applications
}
call-about = About the call
call-documents = Documents
call-add-documents = Add documents
attachments-hint = PDF, image, OpenDocument or Office files, up to { $size } MB each, at most five.
action-upload = Upload
call-publish = Publish the call
call-publish-hint = Publishing puts the call on the public record; it can no longer be edited.
call-apply = Apply
call-apply-hint = Any organisation may apply until the deadline. You may send a new version until then; the last one counts.
call-application-summary = Summary (published after the decision)
call-application-summary-hint = A few sentences: what you propose.
call-application-proposal = The proposal
call-attachments = Attachments
call-apply-submit = Send the application
call-results-after-award = Scores and reasons are published once the call is decided.
call-no-applications-shown = No applications to show.
call-awarded-to = Awarded to
call-outcome-reasons = Reasons for the decision
call-initiative-link = The initiative that came of it
call-start-initiative = Start the initiative with the winner
call-rank = Rank
call-results-of = Results of
call-mean-score = Mean score (0–10)
call-scores-and-reasons = Every score, with reasons
call-score = Score this application
call-rescore = Change your scores
call-score-0-10 = Score (0–10)
call-score-submit = Send the scores
call-decide = Decide the call
call-award-to = Award to
call-award = Award
call-reasons-public = The reasons are published with the results.
call-rerun = Re-run with a new deadline
call-cancel = End without award
call-view = the call
refused-call-closed = This call does not take applications now.
refused-call-published = A published call does not change.
refused-call-still-open = The call still takes applications; evaluation starts after the deadline.
refused-call-decided = This call has been decided.
refused-call-not-awarded = Only an awarded call becomes an initiative.
refused-call-has-initiative = This call already became an initiative.
refused-not-evaluator = Only the call's evaluators may do this.
error-criteria-required = Give at least one criterion.
error-too-many-criteria = A call has at most 12 criteria.
error-weight-range = Each weight is a whole number from 1 to 100.
error-weights-sum = The weights must add up to 100.
error-criterion-name = Every criterion with a weight needs a name.
error-score-range = Give a whole number from 0 to 10.
error-evaluators-required = Name at least one evaluator.
error-convener-cannot-apply = The convener does not apply to its own call.
error-attachment-empty = The file is empty.
error-attachment-too-large = A file is larger than the limit.
error-attachment-type = A file is not of an accepted type, or its name does not match what it is.
error-upload-broken = The upload did not arrive whole; try again.
flash-call-drafted = The draft call is saved.
flash-call-published = The call is published.
flash-applied = Your application was received.
flash-scored = Your scores are saved.
flash-awarded = The call is awarded; the results are public.
flash-declared = Your declaration is on the public record.
flash-initiative-from-call = The initiative is started, with the winner as partner.

## Donations
donations-title = Donations to the authority
donations-lead = Gifts to the local authority and the donations committee's procedure for each: the committee's check and recommendation, the head's decision, the report to the council.
donations-empty = No donations recorded.
donation-title = Donation
donation-donor = Donor
donation-donor-organisation = Donor's organisation number in the directory (if listed)
donation-kind = What is given
donation-kind-money = Money
donation-kind-goods = Goods
donation-kind-services = Services
donation-kind-help = Help without consideration
donation-value = Value
donation-value-shekels = Value in shekels
donation-purpose = Purpose
donation-initiative = Initiative number it is for (if any)
donation-step = Where it stands
donation-step-registered = Registered
donation-step-checked = Checked by the committee
donation-step-decided = Decided by the head of the authority
donation-step-reported = Reported to the council
donation-register = Register a donation
donation-procedure = The procedure
donation-committee-check = The committee's check
donation-committee-check-hint = Conflicts with tenders or supervision, conditions, the donor's expectations.
donation-recommendation = The committee's recommendation
recommendation-accept = Accept
recommendation-accept-with-conditions = Accept, with conditions
recommendation-decline = Decline
donation-head-decision = The head's decision
head-decision-accept = Accept
head-decision-decline = Decline
donation-reasons-hint = Written reasons are required where the decision departs from the committee's recommendation.
donation-departed = departs from the recommendation
donation-council-report = The report to the council
error-departure-reasons = The decision departs from the committee's recommendation: give written reasons.
refused-donation-step = That step is not the next one; the page may be out of date.
initiative-view = the initiative

## The public portal
portal-title = Public portal
portal-lead = Every partnership of { $convener } with a business, how each partner was chosen, calls and their results, declarations and recusals, donations and the decision log: open to all, no account needed.
portal-sections = Portal sections
portal-initiatives = Partnerships with businesses
portal-initiatives-lead = Initiatives in which a business is a partner, and how it was chosen.
portal-search = Search the titles
portal-search-button = Search
portal-initiative-count = { $count ->
    [one] one initiative
   *[other] { $count } initiatives
}
portal-initiative-count-more = More than { $count } initiatives
portal-pagination-first = First page
portal-no-initiatives = No initiatives with a business partner.
portal-business-partners = Business partners
portal-stage = Stage
portal-all-calls = All calls
portal-all-donations = All donations
portal-log-size = { $count ->
    [one] The decision log holds one decision.
   *[other] The decision log holds { $count } decisions.
}
portal-read-log = Read the decision log
portal-downloads = Data for download
portal-downloads-lead = The same data as files: CSV for spreadsheets, JSON for programs, and calls and awards as OCDS 1.1 release packages (the Open Contracting Data Standard). Up to 5,000 rows a file; add ?page=2 for the next.
auditors-title = For auditors

## Decision-log kinds
event-recused = Stepped aside
event-notice-published = Notice inviting competing proposals
event-alternative-proposed = Alternative proposal received
event-notice-decided = Decision after the notice
event-call-published = Call published
event-application-received = Application received
event-application-scored = Application scored
event-call-awarded = Call awarded
event-call-cancelled = Call ended without award
event-call-rerun = Call re-run
event-donation-registered = Donation registered
event-donation-checked = Donations committee's check
event-donation-decided = Head's decision on a donation
event-donation-reported = Donation reported to the council
event-disclosure-redacted = Text beside the record redacted
# What the record withholds and shows beside an entry (docs/PRIVACY.md)
record-privacy = People are named on the record by a stable pseudonym (p-…). Names, reasons and other free text are shown beside the entry, which commits to them by a hash; they can be redacted, and the record still verifies. Who applied to an open call is sealed until the call is decided, and who proposed an alternative to a notice until the notice is decided.
disclosure-person-name = Name
disclosure-reasons = Reasons
disclosure-donor = Donor
disclosure-purpose = Purpose
disclosure-check = Committee's check
disclosure-report = Report to the council
disclosure-applicant = Applicant
disclosure-scores = Scores
disclosure-party = Party
disclosure-ties = Declared ties
disclosure-proposer = Who proposed an alternative
disclosure-opened = opened now
disclosure-redacted = Redacted on { $date }: { $ground }
redaction-erasure-request = at the person's request for erasure
redaction-correction = corrected
redaction-legal-order = by order of a court or the Privacy Protection Authority
redaction-not-public = it should not have been public
auditors-privacy = What the entries withhold
auditors-privacy-text = Since the log's second encoding an entry names the person who decided by a stable pseudonym, and commits to names, reasons and other free text: SHA-256 over the field, a 32-byte salt and the text. The texts are served beside their entries with their salts (the "disclosures" of /api/v1/log/entries), so each can be checked; a redaction erases one without changing any entry, and is itself an entry; every page, API answer, file and OCDS release of the hub that showed the text then shows the redaction instead, and names of people who declared or stepped aside are read from beside the log. Who applied to an open call, the scores and the parties of declarations on it are sealed until the call's award or cancellation opens them on the log, and who proposed an alternative to a notice inviting competing proposals until the notice's decision does; shutaf verify checks every opening against its commitment and every text shown against its entry. The policy is in docs/PRIVACY.md.

## For auditors
auditors-lead = Every decision on this hub goes into an append-only log, in the same transaction as the change it records. Anyone can fetch the log, recompute it and prove that nothing was changed, removed or reordered afterwards, with nothing but the hub's published key.
auditors-head = The log now
auditors-size = Decisions
auditors-root = Merkle root (SHA-256)
auditors-key = The hub's public key (Ed25519)
auditors-tree = How the log is built
auditors-tree-text = The log is a Merkle tree exactly as RFC 6962 and RFC 9162 (Certificate Transparency) define it. The hub signs its tree heads with its Ed25519 key.
auditors-entry-text = Each entry is hashed in the canonical form of the version it was written in, one field a line, UTF-8. Entries are written in version 2:
auditors-entry-v2-text = In version 2 a field with no value is its name alone, so that an empty text (detail:) and no text (detail) differ. person is the pseudonym of the person who decided (p- and 12 hex digits, the same for the same person on every entry of this hub, and nobody's name). Names, reasons and other free text are not in the entry: it carries a commitment line to each, and the text is kept beside it. A call's award or cancellation opens, in opening lines, the texts the call sealed while it was open; a notice's decision, who proposed each alternative to it.
auditors-entry-v1-text = Entries written before version 2 keep their first form and still verify in it: the first line names the version, and shutaf verify hashes every entry in its own. In version 1 no value and an empty text are written the same, and person is a name where the law made it public:
auditors-disclosures = Commitments and disclosures
auditors-disclosures-text = A commitment binds an entry to a text without showing it: SHA-256 over the field, a random 32-byte salt of its own and the text, as below. The texts (names, reasons and the like) are served beside each entry as its disclosures, with their salts, so that anyone can recompute the commitment. They are not hashed with the entry: a redaction erases a disclosure's text and salt and shows when and on what ground, and no entry, root or signature changes. The sealed texts of an open call or notice are never among the disclosures; its decision opens them on the log.
auditors-escape = In texts, a backslash is written \\, a line feed \n and a carriage return \r, so that every field is one line.
auditors-endpoints = Public endpoints
auditors-verify = Check it yourself
auditors-verify-text = The shutaf program checks a hub from outside, with nothing but published keys:
auditors-verify-again = Keep the file of heads: it pins the hub's key and keeps each signed checkpoint. A later run proves the log only grew since; if it did not, the file holds the hub's own signatures as evidence for anyone.
auditors-origin = Origin (the log's name)
auditors-vkey = The hub's verifier key (vkey)
auditors-key-id = Key id
auditors-checkpoint = The latest signed checkpoint
auditors-checkpoint-text = The hub signs a checkpoint whenever the log grows (at most every few seconds) and keeps every one: the latest and the whole history are public. A checkpoint is a C2SP tlog-checkpoint in a C2SP signed note, so existing transparency-log tools read it. The key id is the first four bytes of SHA-256 over the origin, a line feed, the byte 01 and the public key.
auditors-checkpoint-size = Decisions it covers
auditors-checkpoint-at = Signed on
auditors-checkpoint-none = No checkpoint has been signed yet.
auditors-cosigned-by = Cosigned by
auditors-cosigned-none = No witness has cosigned it yet.
auditors-witnesses = Witnesses
auditors-witnesses-text = On a first visit you cannot tell a log rewritten from scratch from an honest one. Witnesses can: each independent witness (another hub, the support centre) keeps the last checkpoint it saw of this hub, checks that every new one extends it, and only then cosigns it (C2SP tlog-witness and tlog-cosignature). The hub serves its checkpoints with the cosignatures attached, so a hub that shows one log to its witnesses and another to you is caught.
auditors-witnesses-accepted = Witnesses whose cosignatures this hub accepts
auditors-witnesses-none = This hub accepts no witness yet.
auditors-witnesses-caution = Take a witness's key from the witness itself, not from this page: a hub could list witnesses it controls.
auditors-step-program = Get the shutaf program (the same one that runs the hub).
auditors-step-key = Copy the hub's verifier key shown above, and confirm it with the hub's operator or one of its witnesses.
auditors-step-witness = Ask one or more witnesses you trust (the support centre, another hub) for their verifier keys.
auditors-step-run = Run the check below. It fetches every entry, recomputes every hash and the root, checks the hub's signatures, finds the newest checkpoint that enough of your witnesses cosigned and checks that today's log extends it, and asks for inclusion and consistency proofs. It fails loudly if anything does not hold.
auditors-become-witness = Become a witness
auditors-become-witness-text = Anyone can witness this hub with the same program: make a key, give its verifier key to the hub's operator (who adds it to the witnesses the hub accepts) and to the auditors who rely on you, and poll the hub. The witness keeps the last checkpoint it cosigned in a small file, and refuses, and keeps as evidence, any checkpoint that does not extend it. A witness that serves add-checkpoint (shutaf witness serve) can instead give the operator its address, and the hub hands it every new checkpoint.
auditors-witness-poll = The first command prints the witness's verifier key and keeps its key in shutaf-witness.key. The second keeps polling, every minute, until it is stopped (--every sets the interval; --once polls once and exits, for a scheduled job); it keeps what it cosigned in shutaf-witness-state.json. Run both in the same directory, and keep both files.
auditors-rotation = Key rotation
auditors-rotation-text = The hub changes its key only after announcing the new one here and to its witnesses. The latest checkpoint is then signed again with the new key, and later ones with the new key only; earlier checkpoints stay verifiable with the earlier keys listed here. A check that pinned the old key refuses the new one until it is told, with --key, after confirming it elsewhere. The origin never changes: a new origin is a new log.
auditors-previous-keys = Earlier keys

## Overload and time limits
error-overloaded = The hub is busy right now. Please try again in a few seconds.
error-timeout = The request took too long and was stopped. Please try again in a moment.
error-password-common = This password is one of those people choose most, and is guessed first. Choose another: a few unrelated words make a strong one.
error-password-personal = This password is made of your own name or email address, which are guessed first. Choose another.
error-password-wrong = This is not your current password.
password-sessions-end = Saving the new password signs you out everywhere else, and links sent earlier to reset it stop working.
password-revoke-tokens = Also revoke my { $count } API { $count ->
        [one] token
       *[other] tokens
    } (programs that use them will need a new one)
profile-password-title = Password
field-current-password = Current password
profile-password-submit = Change the password
profile-sessions-title = Where you are signed in
profile-sessions-hint = Left signed in on a shared computer, or lost a phone? This signs you out everywhere but here.
profile-sessions-end = Sign out everywhere else
flash-password-changed = Your password was changed, and you were signed out everywhere else.
flash-signed-out-elsewhere = You were signed out everywhere else.
call-invited-evaluators = Asked, not accepted yet
mail-evaluator-subject = You are asked to evaluate applications: { $call }
mail-evaluator-body = { $inviter } asks you to evaluate the applications to the open call "{ $call }". Evaluators declare their interests before they score, and step aside from applicants they are tied to. To accept, open this link (sign in or create an account with this address first):

    { $link }

    If you do not want to, ignore this mail.
error-evaluation-link = This invitation to evaluate is not valid: it was withdrawn, already accepted, or sent to another address than your account's.
flash-evaluating = You are an evaluator of this call. Declare your interests before you score.
evaluation-invitation-title = An invitation to evaluate
evaluation-invitation-lead = The convener of this open call asks you to evaluate its applications:
evaluation-invitation-duties = Evaluators declare their interests first, step aside from applicants they are tied to, and give a reason with every score; the scores are published with the results.
evaluation-invitation-accept = Accept and become an evaluator
