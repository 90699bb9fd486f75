from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from kopir.accounts.models import ApiToken, Invitation, User


@admin.register(User)
class KopirUserAdmin(UserAdmin):
    list_display = ("username", "email", "role", "organisation", "is_active", "last_login")
    list_filter = ("role", "is_active", "organisation")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Köpir"), {"fields": ("role", "organisation", "preferred_language")}),
    )


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "organisation", "created_at", "expires_at", "accepted_at")
    readonly_fields = ("token_hash", "accepted_at")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "key_hash", "last_used_at")
