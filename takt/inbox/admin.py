from django.contrib import admin

from takt.inbox.models import InboundMail


@admin.register(InboundMail)
class InboundMailAdmin(admin.ModelAdmin):
    """Where a person looks at the mail Takt kept instead of reading it."""

    list_display = ["received_at", "sender", "subject", "status", "why", "interview"]
    list_filter = ["status", "why"]
    search_fields = ["sender", "subject", "message_id"]
    readonly_fields = [f.name for f in InboundMail._meta.fields]
