-- Whether an initiative has a business among its active partners: the public portal lists and
-- counts those per locality, and an EXISTS over every initiative of a large city took a tenth
-- of a second a page. Kept by the store in the statement that records any change of the
-- initiative (and when an organisation's sector changes); rebuilt after bulk loads and restores.
ALTER TABLE initiatives ADD COLUMN business_partner BIGINT NOT NULL DEFAULT 0 CHECK (business_partner IN (0, 1));
UPDATE initiatives SET business_partner = CASE WHEN EXISTS (
    SELECT 1 FROM initiative_partners p JOIN organisations o ON o.id = p.organisation_id
    WHERE p.initiative_id = initiatives.id AND p.status = 'active' AND o.sector = 'business'
) THEN 1 ELSE 0 END;
CREATE INDEX initiatives_locality_business ON initiatives (locality_id, business_partner, id);
