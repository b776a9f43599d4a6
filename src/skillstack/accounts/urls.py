from django.contrib.auth import views as auth_views
from django.urls import path

from skillstack.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
