from django.contrib import admin

from takt.core import models


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 0


@admin.register(models.Workspace)
class WorkspaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    inlines = [MembershipInline]


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "phone", "language", "timezone", "workspace"]
    search_fields = ["name", "email"]


@admin.register(models.Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "workspace"]
    list_filter = ["status"]


@admin.register(models.Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["person", "position", "stage", "informed_at"]
    list_filter = ["stage"]


class BookingInline(admin.TabularInline):
    model = models.Booking
    extra = 0


@admin.register(models.Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ["__str__", "counterpart", "status", "start", "timezone", "sequence"]
    list_filter = ["status"]
    readonly_fields = ["uid", "sequence"]
    inlines = [BookingInline]


class AlternativeInline(admin.TabularInline):
    model = models.Alternative
    extra = 0


@admin.register(models.Change)
class ChangeAdmin(admin.ModelAdmin):
    list_display = ["interview", "kind", "side", "reason_category", "state", "created_at"]
    list_filter = ["kind", "side", "state"]
    inlines = [AlternativeInline]


@admin.register(models.ContactAttempt)
class ContactAttemptAdmin(admin.ModelAdmin):
    list_display = ["interview", "channel", "outcome", "at"]


@admin.register(models.AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "verb", "workspace", "interview", "actor", "actor_label"]
    list_filter = ["verb"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
