#!/bin/sh
# Run by conveyor after the prod promotion, with config/secrets.sops.yaml decrypted into the environment
# (PROD__DATABASE_URL, PROD__PAYMENTS_API_KEY, …; masked in the log).
set -eu
: "${PROD__PAYMENTS_API_KEY:?config/secrets.sops.yaml was not decrypted}"
echo "orders ${CONVEYOR_VERSION} promoted to ${CONVEYOR_ENVIRONMENT}; payments key present (${#PROD__PAYMENTS_API_KEY} characters)"
