% curl -H 'Accept: application/json' 'https://api.example.com/v1/teams?active=true'
