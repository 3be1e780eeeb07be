from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as newsroom_urlpatterns

FIXED_PAGE = "<!doctype html><title>Fixed</title><p>" + "x" * (8192 - 40) + "</p>"


def fixed_page(request):
    return HttpResponse(FIXED_PAGE)


urlpatterns = [path("bench/fixed/", fixed_page), *newsroom_urlpatterns]
