curl https://api.example.com/v1/mentions --data-raw '@asha please look' -H 'Content-Type: text/plain'
