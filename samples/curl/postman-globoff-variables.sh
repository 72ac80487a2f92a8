curl --location -g 'https://api.example.com/v1/users/{{userId}}/tags?ids[]=1&ids[]=2' \
--header 'x-api-key: {{apiKey}}'
