curl --location 'https://api.example.com/v1/orders' \
--header 'Content-Type: application/json' \
--header 'Authorization: Bearer 9f8e7d6c5b4a' \
--data '{
    "sku": "A-100",
    "quantity": 2,
    "note": "leave at the door"
}'
