"""One JSON shape for every error the API returns: {"error": {"code": ..., "message": ...}}."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import CorrectionError, EventwireError, InvalidCorrection, NotFound

MAX_MESSAGE = 300  # characters: a message quotes ids and paths, which a client may make any length
DAMAGED = ("the database file is damaged ({}); restore it from a backup, or run the inputs again into a new "
           "database with `eventwire run PATH --db NEW.db`")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def bad_parameter(message: str) -> ApiError:
    return ApiError(400, "bad_parameter", message)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} is not in this database; list events at /api/events")


def error_body(code: str, message: str, **extra: str) -> dict[str, dict[str, str]]:
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 3] + "..."
    return {"error": {"code": code, "message": message, **extra}}


def _respond(status: int, code: str, message: str, **extra: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def is_damaged(exc: Exception) -> bool:
    """sqlite3's word for pages overwritten by junk (or a file that is not a database at all)."""
    import sqlite3

    text = str(exc)
    return isinstance(exc, sqlite3.DatabaseError) and (
        type(exc) is sqlite3.DatabaseError or "malformed" in text or "not a database" in text)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _respond(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _respond(400, "bad_parameter", "; ".join(_describe(e) for e in exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = f"no such page: {request.url.path}; the API is listed at /docs" if exc.status_code == 404 \
            else str(exc.detail)
        return _respond(exc.status_code, code, message)

    @app.exception_handler(NotFound)
    async def store_not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _respond(404, "not_found", exc.message)

    @app.exception_handler(InvalidCorrection)
    async def invalid_value(_: Request, exc: InvalidCorrection) -> JSONResponse:
        return _respond(400, "bad_correction", exc.message, field=exc.field[:100])

    @app.exception_handler(CorrectionError)
    async def bad_correction(_: Request, exc: CorrectionError) -> JSONResponse:
        return _respond(400, "bad_correction", exc.message)

    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, exc: EventwireError) -> JSONResponse:
        return _respond(503, "store_error", exc.message)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        if is_damaged(exc):
            return _respond(503, "database_damaged", DAMAGED.format(exc))
        return _respond(500, "internal_error", f"{type(exc).__name__}: {exc}; please report this as a bug")


def _describe(error: dict[str, object]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path"))  # type: ignore[attr-defined]
    return f"{where or 'request'}: {error.get('msg')}"
