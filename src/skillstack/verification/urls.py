from django.urls import path

from skillstack.verification import views

app_name = "verification"

urlpatterns = [
    path("verify/", views.verify_page, name="verify"),
]
