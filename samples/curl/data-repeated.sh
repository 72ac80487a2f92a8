curl https://api.example.com/v1/form -d name=Asha -d 'city=Pune' -d 'a=1&b=2' -d ''
