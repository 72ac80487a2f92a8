curl 'https://bot%40acme:p%3Ass@api.example.com/v1/private?scope=all'
