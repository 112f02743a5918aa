using Marten;
using Npgsql;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>
/// What an import done under an idempotency key stored: written in the same transaction as its events, so a retry with
/// the key (after a lost answer, a timeout, a failure once the events were committed) finds it and imports nothing.
/// </summary>
public sealed class ImportReceipt
{
    /// <summary>The idempotency key the importer gave.</summary>
    public string Id { get; set; } = "";
    public long Events { get; set; }
    public int Streams { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The correlation id of the import's events.</summary>
    public string CorrelationId { get; set; } = "";

    public const int MaxKeyLength = 200;

    /// <summary>Whether <paramref name="failure"/> is another import under the same key having committed first.</summary>
    private static bool IsRaceOnKey(IDocumentStore store, Exception failure) =>
        failure is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation
        && violation.TableName == DocumentTables.NameOf<ImportReceipt>(store);

    /// <summary>Why <paramref name="key"/> cannot be an idempotency key; null when it can.</summary>
    public static string? ProblemWith(string key) =>
        string.IsNullOrWhiteSpace(key) ? "the idempotency key is empty."
        : key.Length > MaxKeyLength ? $"the idempotency key is longer than {MaxKeyLength} characters."
        : key.Any(char.IsControl) ? "the idempotency key contains control characters."
        : null;

    /// <summary>The receipt of an earlier import under <paramref name="key"/>, if any.</summary>
    public static async Task<ImportReceipt?> FindAsync(IDocumentStore store, string key, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ImportReceipt>(key, cancellation);
    }

    /// <summary>
    /// Inserts the receipt on the import's own connection and transaction (Marten fills the version and modification
    /// time). A second import under the same key, even one that raced this one, fails on the primary key: it is then
    /// refused with the first one's figures (<see cref="ImportAlreadyDoneException"/>), and its transaction rolls back.
    /// </summary>
    public async Task InsertAsync(DocumentStore store, NpgsqlConnection connection, CancellationToken cancellation)
    {
        try
        {
            await DocumentTables.InsertAsync(store, connection, Id, this, cancellation);
        }
        catch (Exception race) when (IsRaceOnKey(store, race))
        {
            // The primary key waited for the other import's transaction: it committed, so its receipt answers.
            throw await FindAsync(store, Id, CancellationToken.None) is { } first ? new ImportAlreadyDoneException(first) : race;
        }
    }
}

/// <summary>An import refused because an earlier one under the same idempotency key is stored: nothing was imported again.</summary>
public sealed class ImportAlreadyDoneException(ImportReceipt receipt)
    : Exception($"an import under the idempotency key '{receipt.Id}' was done already ({receipt.Events:N0} events, by {receipt.ImportedBy} at {receipt.ImportedAt:u}); nothing was imported again.")
{
    public ImportReceipt Receipt { get; } = receipt;
}
