from django.urls import path

from .views import desk, edit, history, preview, review

app_name = "desk"
urlpatterns = [
    path("", desk.desk, name="desk"),
    path("<slug:slug>/", edit.edit, name="edit"),
    path("<slug:slug>/autosave/", edit.autosave_draft, name="autosave_draft"),
    path("<slug:slug>/autosave/discard/", edit.discard_draft, name="discard_draft"),
    path("<slug:slug>/presence/", edit.presence, name="presence"),
    path("<slug:slug>/read-also/", edit.read_also_search, name="read_also_search"),
    path("<slug:slug>/read-also/row/", edit.read_also_row, name="read_also_row"),
    path("<slug:slug>/history/", history.history, name="history"),
    path("<slug:slug>/history/<int:number>/restore/", history.restore, name="restore"),
    path("<slug:slug>/preview/", preview.preview, name="preview"),
    path("<slug:slug>/review/", review.review, name="review"),
    path("<slug:slug>/review/<slug:name>/", review.take_action, name="take_action"),
]
