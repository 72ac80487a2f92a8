curl --location 'https://auth.example.com/oauth/token' \
--header 'Content-Type: application/x-www-form-urlencoded' \
--data-urlencode 'grant_type=client_credentials' \
--data-urlencode 'client_id=bot-studio' \
--data-urlencode 'client_secret=s3cr3t/with+specials&more' \
--data-urlencode 'scope=chats:write chats:read'
