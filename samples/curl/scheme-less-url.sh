curl api.example.com/v1/ping -H 'Accept: text/plain'
