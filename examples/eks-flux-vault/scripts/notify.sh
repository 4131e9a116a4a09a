#!/bin/sh
# Run by conveyor after a promotion, with the decrypted config/deploy.sops.env in the environment
# (SLACK_WEBHOOK_URL, masked in the log) and CONVEYOR_ENVIRONMENT, CONVEYOR_DIGEST, CONVEYOR_VERSION.
set -eu
: "${SLACK_WEBHOOK_URL:?config/deploy.sops.env was not decrypted}"
text="ledger ${CONVEYOR_VERSION:-$CONVEYOR_DIGEST} now runs in ${CONVEYOR_ENVIRONMENT}"
if [ "${DRY_RUN:-}" = 1 ]; then
  echo "would notify: $text"
else
  curl -fsS -X POST -H 'content-type: application/json' --data "{\"text\": \"$text\"}" "$SLACK_WEBHOOK_URL"
fi
