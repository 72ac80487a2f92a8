curl https://api.example.com/v1/batch --json @body.json --json '{"second":true}' -H 'Accept: application/vnd.example+json'
