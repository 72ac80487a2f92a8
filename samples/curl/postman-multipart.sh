curl --location 'https://api.example.com/v1/contacts/import' \
--header 'Authorization: Bearer 9f8e7d6c5b4a' \
--form 'name="Asha Rao"' \
--form 'avatar=@"avatar.png"' \
--form 'meta="{\"source\": \"whatsapp\"}";type=application/json'
