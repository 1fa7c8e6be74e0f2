-- Placeholder on the desk branch only: version 5 is the callback helper's migration. The lead drops this file when
-- merging that branch (migrations must be numbered without gaps, so 0006 cannot be tested without a 5).
SELECT 1;
