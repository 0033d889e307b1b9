-- 092: survey links by e-mail (issue 16). A shop's business contact address for the survey is kept
-- here, on the server and for the coordinator only: never in the synced shop record (the register holds
-- shops, not persons), so no device ever holds it. One address per shop; it is deleted when the shop
-- is closed or gone from the register (SqlSurveyMailStore.prune, run on every read and by the mail worker).
CREATE TABLE shop_contacts (
  municipality text NOT NULL,
  shop_id text NOT NULL,
  email text NOT NULL CHECK (length(email) <= 254),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (municipality, shop_id)
);

-- Survey mails go through the same outbox as the owners' mails (worker, lease, retries, metrics). They
-- have no organisation but a survey link; `payload` holds what the mail needs (the link with its token,
-- the shop's name, a closing date) until the mail is sent or given up, then it is emptied, so the
-- token is not kept in plain text longer than needed.
ALTER TABLE mail_outbox ALTER COLUMN organisation_id DROP NOT NULL;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
  CHECK (kind IN ('assignment', 'reminder', 'digest', 'survey_invite', 'survey_reminder'));
ALTER TABLE mail_outbox ADD COLUMN survey_link_id text;
ALTER TABLE mail_outbox ADD COLUMN payload jsonb;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_addressee_check
  CHECK ((organisation_id IS NULL) <> (survey_link_id IS NULL));
CREATE INDEX mail_outbox_survey_link_idx ON mail_outbox (survey_link_id) WHERE survey_link_id IS NOT NULL;
