curl --request POST \
     --url https://public.doubletick.io/customer/assign \
     --header 'Authorization: key_xxxxxxxxxx' \
     --header 'accept: application/json' \
     --header 'content-type: application/json' \
     --data '{"customerPhoneNumber":"919876543210","assignedUserPhoneNumber":"919812345678","wabaNumber":"919000000000"}'
