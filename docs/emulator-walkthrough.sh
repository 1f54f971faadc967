#!/usr/bin/env bash
# The embedded emulator driven with nothing but curl and a client id and secret:
# token → onboarding → activation → proofing → step-up → authentication → the proofing record.
# Usage: BASE=http://localhost:3000/emulator CLIENT_ID=emulator-client CLIENT_SECRET=emulator-secret bash docs/emulator-walkthrough.sh
set -euo pipefail
BASE="${BASE:-http://localhost:3000/emulator}"
CLIENT_ID="${CLIENT_ID:-emulator-client}"
CLIENT_SECRET="${CLIENT_SECRET:-emulator-secret}"

# field NAME < json : the first string value of "NAME" (enough for these flat answers).
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n 1; }
call() { # METHOD PATH [JSON]
  curl -sS --fail-with-body -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

echo "1. token"
TOKEN=$(curl -sS --fail-with-body -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=signicat-api "$BASE/auth/open/connect/token" | field access_token)

echo "2. start an onboarding"
ONBOARDING=$(call POST /reuseid/id-onboardings '{"externalRef":"walkthrough-'$RANDOM'","provider":"videoid","videoidProviderOptions":{"docTypes":[138,147],"defaultId":138}}')
TRANSACTION=$(echo "$ONBOARDING" | field transactionId)
CODE=$(echo "$ONBOARDING" | field activationCode)
PROCESS=$(echo "$ONBOARDING" | field processId)
DOSSIER=$(echo "$ONBOARDING" | field dossierId)
echo "   transaction $TRANSACTION, activation code $CODE"

echo "3. activate a device with the code, as a phone would"
DEVICE=$(call POST /simulator/activations '{"activationCode":"'"$CODE"'","deviceName":"Scripted phone"}')
USER_ID=$(echo "$DEVICE" | field userId)
DEVICE_ID=$(echo "$DEVICE" | field deviceId)

echo "4. finish the VideoID proofing as JANE SMITH"
call POST "/simulator/proofings/$PROCESS" '{"outcome":"accepted","persona":"jane-smith"}' > /dev/null
STATUS=$(call GET "/reuseid/id-onboardings/$TRANSACTION" | field status)
echo "   onboarding $STATUS"
[ "$STATUS" = "Completed" ]

echo "5. read the proofing record from the Assure API"
call GET "/assure/dossiers/$DOSSIER/processes/$PROCESS" | grep -o '"lastName":"[^"]*"' | head -n 1

echo "6. step the user up: the device approves, a new proofing runs"
STEPUP=$(call POST /reuseid/id-stepups '{"userId":"'"$USER_ID"'","deviceId":"'"$DEVICE_ID"'"}')
STEPUP_ID=$(echo "$STEPUP" | field transactionId)
call POST "/simulator/authentications/$(echo "$STEPUP" | field authenticationId)" '{"decision":"approve"}' > /dev/null
call POST "/simulator/proofings/$(echo "$STEPUP" | field processId)" '{"outcome":"accepted","persona":"jane-smith"}' > /dev/null
STATUS=$(call GET "/reuseid/id-stepups/$STEPUP_ID" | field status)
echo "   step-up $STATUS"
[ "$STATUS" = "Completed" ]

echo "7. reuse the identity: a MobileID authentication asking for two attributes"
AUTH=$(call POST "/mobileid/core/users/$USER_ID/devices/$DEVICE_ID/authentications" '{"preOperationContext":{"content":"'"$(printf 'Sign in to Example' | base64)"'","mimeType":"text/plain"},"requestedUserAttributes":["firstName","nationality"]}')
AUTH_ID=$(echo "$AUTH" | field authenticationId)
call POST "/simulator/authentications/$AUTH_ID" '{"decision":"approve"}' > /dev/null
RESULT=$(call GET "/mobileid/core/users/$USER_ID/devices/$DEVICE_ID/authentications/$AUTH_ID")
echo "   authentication $(echo "$RESULT" | field state): $(echo "$RESULT" | grep -o '"userAttributes":{[^}]*}')"
[ "$(echo "$RESULT" | field state)" = "COMPLETED" ]
echo "done"
