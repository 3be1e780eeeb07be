from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("desk/", include("articles.urls")),
    path("", include("articles.public_urls")),
]

handler500 = "newsroom.views.server_error"
