from django.urls import path

from .views import desk, edit, glossary, history, intake, memory, preview, review, translate

app_name = "desk"
urlpatterns = [
    path("", desk.desk, name="desk"),
    path("glossary/", glossary.glossary, name="glossary"),
    path("glossary/<int:pk>/", glossary.glossary, name="glossary_term"),
    path("glossary/from-flag/", glossary.add_from_flag, name="add_glossary_term"),
    path("glossary/<int:pk>/delete/", glossary.delete_term, name="delete_glossary_term"),
    path("glossary/export/", glossary.export_glossary, name="export_glossary"),
    path("glossary/import/", glossary.import_glossary, name="import_glossary"),
    path("memory/", memory.translation_memory, name="translation_memory"),
    path("memory/export/", memory.export_memory, name="export_memory"),
    path("memory/import/", memory.import_memory, name="import_memory"),
    path("intake/", intake.intake, name="intake"),
    path("intake/confirm/", intake.confirm_intake, name="confirm_intake"),
    path("<slug:slug>/", edit.edit, name="edit"),
    path("<slug:slug>/autosave/", edit.autosave_draft, name="autosave_draft"),
    path("<slug:slug>/autosave/discard/", edit.discard_draft, name="discard_draft"),
    path("<slug:slug>/presence/", edit.presence, name="presence"),
    path("<slug:slug>/read-also/", edit.read_also_search, name="read_also_search"),
    path("<slug:slug>/history/", history.history, name="history"),
    path("<slug:slug>/history/<int:number>/restore/", history.restore, name="restore"),
    path("<slug:slug>/preview/", preview.preview, name="preview"),
    path("<slug:slug>/translate/", translate.translate, name="translate"),
    path("<slug:slug>/translate/save/", translate.save_as_revision, name="save_translation"),
    path("<slug:slug>/translate/machine/", translate.machine_translate, name="machine_all"),
    path("<slug:slug>/segments/<int:pk>/", translate.save_segment, name="save_segment"),
    path("<slug:slug>/segments/<int:pk>/memory/", translate.memory, name="memory"),
    path("<slug:slug>/segments/<int:pk>/take/", translate.take_suggestion, name="take_suggestion"),
    path("<slug:slug>/segments/<int:pk>/machine/", translate.machine_translate, name="machine"),
    path("<slug:slug>/review/", review.review, name="review"),
    path("<slug:slug>/review/override/", review.override_flag, name="override_flag"),
    path("<slug:slug>/review/<slug:name>/", review.take_action, name="take_action"),
]
