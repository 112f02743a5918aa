using Microsoft.Extensions.Logging;
using Npgsql;

namespace PartnershipLedger.Audit;

/// <summary>
/// Connections of their own for the reads the ledger prepares (the audit trail's statements), apart from Marten's pool.
/// A pooled connection that holds prepared statements cannot be reset with one DISCARD ALL when it goes back to its
/// pool (that would drop them): Npgsql resets it statement by statement instead, about 0.04 ms against 0.014 ms on the
/// server (PostgreSQL's statement log, 25 Nov). Once the audit trail had been read, every connection of Marten's pool
/// paid that at each of a command's four checkouts (README, "Commands"). Here only these connections hold prepared
/// statements, and they are not reset at all: whoever opens one runs prepared selects only, outside transactions, and
/// sets nothing in its session (no SET, temporary table, advisory lock or LISTEN).
/// </summary>
public sealed class PreparedReads : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many at once: each backend keeps its own copy of the prepared statements.</summary>
    public const int MaxConnections = 16;

    private readonly NpgsqlDataSource dataSource;

    public PreparedReads(string connectionString, ILoggerFactory? logging = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConnectionStringBuilder.MaxPoolSize = MaxConnections;
        var application = builder.ConnectionStringBuilder.ApplicationName;
        builder.ConnectionStringBuilder.ApplicationName = string.IsNullOrEmpty(application) ? "ledger prepared reads" : $"{application} (prepared reads)";
        if (logging is not null) builder.UseLoggerFactory(logging);
        dataSource = builder.Build();
    }

    /// <summary>A connection for prepared selects only (see the class): it goes back to the pool as it is, not reset.</summary>
    public ValueTask<NpgsqlConnection> OpenForPreparedSelectsAsync(CancellationToken cancellation) => dataSource.OpenConnectionAsync(cancellation);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
