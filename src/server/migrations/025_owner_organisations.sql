-- 025: owner organisations per municipality (src/domain/ownerOrganisation.ts) and which account acts
-- for which organisation ("Mijn acties"). A finding's `owner` holds an organisation id; the six
-- defaults keep the ids of the old fixed owner list, so older findings need no rewrite.

CREATE TABLE owner_organisations (
  municipality text NOT NULL,
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- Contact addresses, lower-case; only coordinators ever read them through the API.
  emails jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(emails) = 'array'),
  archived boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, id)
);
-- Two organisations of one municipality with one name would be indistinguishable in the picker.
CREATE UNIQUE INDEX owner_organisations_name_idx ON owner_organisations (municipality, lower(name));

-- One organisation per account and municipality: the coordinator links people to the organisation
-- whose actions they see. No e-mail or phone here; the account has its own login.
CREATE TABLE owner_members (
  municipality text NOT NULL,
  user_id text NOT NULL,
  organisation_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality, user_id),
  FOREIGN KEY (municipality, organisation_id) REFERENCES owner_organisations (municipality, id)
);
