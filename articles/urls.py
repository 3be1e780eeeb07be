from django.urls import path

from .views import desk, edit, history, preview

app_name = "desk"
urlpatterns = [
    path("", desk.desk, name="desk"),
    path("<slug:slug>/", edit.edit, name="edit"),
    path("<slug:slug>/history/", history.history, name="history"),
    path("<slug:slug>/history/<int:number>/restore/", history.restore, name="restore"),
    path("<slug:slug>/preview/", preview.preview, name="preview"),
]
