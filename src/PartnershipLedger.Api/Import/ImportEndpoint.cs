using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using PartnershipLedger.Access;
using PartnershipLedger.Api.Storage;
using PartnershipLedger.Import;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Api.Import;

/// <summary>
/// <c>POST /import</c>: the same import as <c>ops/run -- import FILE</c>, for an admin token, with the JSON Lines file
/// (schema/import-format.md) as the request body. The events are stamped with the caller as the importing actor. One
/// import runs at a time; while it runs, this node's trend agent is stopped so that the import alone writes the trend
/// buckets, and it resumes afterwards (the trend projection counts each partnership's contribution once, so it
/// converges whatever it reads again).
/// <para>
/// An <c>Idempotency-Key</c> header makes a retry safe: the first import under a key stores a receipt with its events,
/// and any later request with that key imports nothing and answers the first import's figures with
/// <c>"replayed": true</c>.
/// </para>
/// </summary>
public static class ImportEndpoint
{
    public const string Path = "/import";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static readonly string[] JsonLines = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq", "application/octet-stream", "text/plain"];

    public static void MapImportEndpoint(this IEndpointRouteBuilder app) => app.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, IDocumentStore store, MaturityModel model, MaturityEvaluator evaluator,
        IProjectionCoordinator coordinator, AccessDenials denials, IConfiguration configuration, TimeProvider clock, ILogger<ImportRecord> logger,
        PartnershipLedger.Functions.Agreement.ImportedReviewReminderScheduler reminders)
    {
        var correlation = Guid.NewGuid().ToString("N");
        if (http.User.Identity?.IsAuthenticated != true || TokenSigner.ActorOf(http.User) is not { } actor)
            return Error(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "An import needs an admin's bearer token: send `Authorization: Bearer <token>`.");
        if (!actor.SeesEverything)
        {
            await denials.RecordAsync(actor, correlation, "import", "Tried to import a portfolio without the admin role.", http.RequestAborted);
            return Error(StatusCodes.Status403Forbidden, "FORBIDDEN", $"Only an admin may import a portfolio; {actor.User} is a {actor.Role.ToString().ToLowerInvariant()}.");
        }
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !JsonLines.Contains(mediaType))
            return Error(StatusCodes.Status415UnsupportedMediaType, "VALIDATION", $"Send the import file as application/x-ndjson (JSON Lines, schema/import-format.md), not {mediaType ?? "no Content-Type"}.");
        if (configuration.GetValue("Ledger:Distribution", ProjectionDistribution.Solo) != ProjectionDistribution.Solo)
            return Error(StatusCodes.Status409Conflict, "CONFLICT", "Imports through the API need the projections run on this node (Ledger:Distribution Solo); with several nodes, stop them and use `ops/run -- import FILE`.");
        string? idempotencyKey = null;
        if (http.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var keys))
        {
            idempotencyKey = keys.Count == 1 ? keys[0] ?? "" : "";
            if (keys.Count > 1) return Error(StatusCodes.Status400BadRequest, "VALIDATION", $"Send one {IdempotencyKeyHeader} header, not {keys.Count}.");
            if (ImportReceipt.ProblemWith(idempotencyKey) is { } problem) return Error(StatusCodes.Status400BadRequest, "VALIDATION", $"{IdempotencyKeyHeader}: {problem}");
        }
        var daemon = coordinator.DaemonForMainDatabase();
        if (!await OneAtATime.WaitAsync(TimeSpan.Zero))
            return Error(StatusCodes.Status409Conflict, "CONFLICT", "Another import is running; try again when it has finished.");

        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ledger-import-{correlation}.jsonl");
        var trendStopped = false;
        try
        {
            // A retry of a done import is answered before its body is even read.
            if (idempotencyKey is not null && await ImportReceipt.FindAsync(store, idempotencyKey, http.RequestAborted) is { } earlier) return Replayed(earlier);
            // The file is read twice (references, then records): it is kept on disk, not in memory.
            var limit = configuration.GetValue<long>("Import:MaxRequestBytes", 2L * 1024 * 1024 * 1024);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            await using (var body = File.Create(file))
            {
                try
                {
                    await http.Request.Body.CopyToAsync(body, http.RequestAborted);
                }
                catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return Error(StatusCodes.Status413PayloadTooLarge, "VALIDATION", $"The import file is larger than Import:MaxRequestBytes ({limit:N0} bytes).");
                }
            }
            if (new FileInfo(file).Length == 0) return Error(StatusCodes.Status400BadRequest, "VALIDATION", "The import file is empty.");

            // Stopped whatever its state (a paused agent would resume on its own timer): the import writes the buckets alone.
            if (daemon.StatusFor(MaturityTrendProjection.Shard) != JasperFx.AgentStatus.Stopped)
            {
                await daemon.StopAgentAsync(MaturityTrendProjection.Shard);
                trendStopped = true;
            }
            var result = await PortfolioImport.ImportAsync((DocumentStore)store, model, evaluator, file, actor, clock.GetUtcNow(), cancellation: http.RequestAborted, idempotencyKey: idempotencyKey);
            logger.LogInformation("{User} imported {Events} events in {Streams} streams ({Seconds:N1} s), correlation {CorrelationId}",
                actor.User, result.Events, result.Streams, result.Total.TotalSeconds, correlation);
            reminders.Nudge();   // the agreements' review reminders are scheduled in the background, from now

            return Results.Json(new
            {
                imported = new { events = result.Events, streams = result.Streams, seconds = Math.Round(result.Total.TotalSeconds, 3), eventsPerSecond = Math.Round(result.EventsPerSecond) },
            });
        }
        catch (ImportAlreadyDoneException done)
        {
            return Replayed(done.Receipt);
        }
        catch (ImportRejectedException rejected)
        {
            return Results.Json(new { error = new { code = "VALIDATION", message = $"Nothing was imported: {rejected.Message}", line = rejected.Line, problems = rejected.Problems } },
                statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            try
            {
                if (trendStopped) await daemon.StartAgentAsync(MaturityTrendProjection.Shard, CancellationToken.None);
            }
            catch (Exception failed)
            {
                logger.LogError(failed, "The trend agent did not restart after the import {CorrelationId}; portfolio trends stay behind until the API restarts", correlation);
            }
            finally
            {
                File.Delete(file);
                OneAtATime.Release();
            }
        }
    }

    /// <summary>The answer to a retry: the first import's figures, nothing imported again.</summary>
    private static IResult Replayed(ImportReceipt receipt) =>
        Results.Json(new
        {
            imported = new { events = receipt.Events, streams = receipt.Streams },
            replayed = true,
            importedBy = receipt.ImportedBy,
            importedAt = receipt.ImportedAt,
            correlationId = receipt.CorrelationId,
        });

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
