curl -X PUT https://api.example.com/v1/flags/beta -H 'Content-Type: application/json' --data @- <<< '{"enabled": true}'
