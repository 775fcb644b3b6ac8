"""``manage.py demo_data``: generate the demo dataset (real organisation, synthetic people)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tdkt.demo.flush import flush_domain_data
from tdkt.demo.generator import generate, refresh_statistics
from tdkt.org.models import Unit


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: cơ cấu tổ chức thật của ngành Kiểm sát, cán bộ giả lập và mười năm "
        "xếp loại, khen thưởng (2016–2025). Cùng seed và quy mô cho cùng dữ liệu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Quy mô so với toàn ngành (1.0 ≈ 16.000 cán bộ đang công tác).",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Hạt giống ngẫu nhiên.")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Không làm gì nếu cơ sở dữ liệu đã có đơn vị.",
        )
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Xóa toàn bộ dữ liệu nghiệp vụ (đơn vị, cán bộ, khen thưởng…) rồi tạo lại.",
        )

    def handle(self, *args, scale, seed, if_empty, flush, **options):
        if scale <= 0:
            raise CommandError("Quy mô (--scale) phải lớn hơn 0.")
        has_units = Unit.objects.exists()
        if has_units and if_empty:
            self.stdout.write("Cơ sở dữ liệu đã có đơn vị; không tạo dữ liệu mẫu.")
            return
        if has_units and not flush:
            raise CommandError(
                "Cơ sở dữ liệu đã có đơn vị. Dùng --flush để xóa và tạo lại, "
                "hoặc --if-empty để bỏ qua."
            )
        started = time.perf_counter()
        self.stdout.write(f"Tạo dữ liệu mẫu (quy mô {scale:g}, seed {seed})…")
        with transaction.atomic():
            if has_units:
                flush_start = time.perf_counter()
                flush_domain_data()
                self.stdout.write(f"  Xóa dữ liệu cũ: {time.perf_counter() - flush_start:.1f} giây")
            report = generate(scale=scale, seed=seed, say=self.stdout.write)
        refresh_statistics()
        counts = report.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong trong {time.perf_counter() - started:.1f} giây "
                f"(ghi cơ sở dữ liệu {report.writing_seconds:.1f} giây): "
                f"{counts['units']} đơn vị, {counts['events']} sự kiện tổ chức lại, "
                f"{counts['persons']} cán bộ, {counts['ratings']} xếp loại, "
                f"{counts['awards']} khen thưởng, {counts['initiatives']} sáng kiến."
            )
        )
