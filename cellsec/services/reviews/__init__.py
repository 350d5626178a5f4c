"""The annual review and classification (kiểm điểm, xếp loại): `service.ReviewService` and its parts."""
