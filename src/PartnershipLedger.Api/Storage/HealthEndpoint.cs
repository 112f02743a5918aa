using Marten;

namespace PartnershipLedger.Api.Storage;

public static class HealthEndpoint
{
    /// <summary><c>GET /health</c>: 200 when the database answers, 503 when it does not.</summary>
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IDocumentStore store, CancellationToken cancellation) =>
        {
            try
            {
                await using var session = store.QuerySession();
                await session.QueryAsync<int>("select 1", cancellation);
                return Results.Json(new { status = "healthy", database = "reachable" });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Json(new { status = "unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
}
