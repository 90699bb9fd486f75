"""factory_boy factories for accounts."""

from __future__ import annotations

import factory

from kopir.accounts.models import Role, User

PASSWORD = "correct-horse-battery-staple-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    role = Role.READER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(self, create, extracted, **kwargs):
        if create:
            self.save()


class CoordinatorFactory(UserFactory):
    role = Role.COORDINATOR
    is_staff = True
    is_superuser = True


class EditorFactory(UserFactory):
    role = Role.EDITOR
