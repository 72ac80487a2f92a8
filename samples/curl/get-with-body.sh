curl -X GET https://api.example.com/v1/search -H 'Content-Type: application/json' -d '{"query": {"match_all": {}}}'
