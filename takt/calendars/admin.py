from django.contrib import admin

from takt.calendars.models import BusyTime, CalendarSource


@admin.register(CalendarSource)
class CalendarSourceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "owner", "last_synced_at", "last_error"]


@admin.register(BusyTime)
class BusyTimeAdmin(admin.ModelAdmin):
    list_display = ["source", "start", "end", "summary"]
