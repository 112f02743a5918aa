using Marten;
using Marten.Services;
using Npgsql;

namespace PartnershipLedger.Tests.Hosting;

/// <summary>
/// Marten's logger for the test host: while a recording runs, every command (or batch of commands, one round trip)
/// any session sends is kept, so a test can count what one GraphQL request costs.
/// </summary>
public sealed class SqlCommandLog : IMartenLogger, IMartenSessionLogger
{
    public static SqlCommandLog Instance { get; } = new();

    private readonly object gate = new();
    private Recording? current;

    public Recording Start()
    {
        lock (gate) return current = new Recording(this);
    }

    public sealed class Recording(SqlCommandLog log) : IDisposable
    {
        private readonly List<string> commands = [];

        /// <summary>The round trips recorded so far, each as its SQL (a batch's statements joined by ';').</summary>
        public IReadOnlyList<string> Commands
        {
            get { lock (log.gate) return commands.ToList(); }
        }

        /// <summary>The round trips that read or wrote Marten documents (leaves out any background polling).</summary>
        public IReadOnlyList<string> DocumentCommands => Commands.Where(sql => sql.Contains("mt_doc_")).ToList();

        internal void Add(string sql) => commands.Add(sql);

        public void Dispose()
        {
            lock (log.gate)
                if (ReferenceEquals(log.current, this)) log.current = null;
        }
    }

    private void Add(string sql)
    {
        lock (gate) current?.Add(sql);
    }

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) { }

    public void LogSuccess(NpgsqlCommand command) => Add(command.CommandText);

    public void LogSuccess(NpgsqlBatch batch) => Add(Text(batch));

    public void LogFailure(NpgsqlCommand command, Exception ex) => Add(command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Add(Text(batch));

    public void LogFailure(Exception ex, string message) { }

    private static string Text(NpgsqlBatch batch) => string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(command => command.CommandText));

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }
}
