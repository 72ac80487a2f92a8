curl --request GET \
     --url 'https://public.doubletick.io/chats?page=1&limit=20&status=open' \
     --header 'Authorization: key_xxxxxxxxxx' \
     --header 'accept: application/json'
