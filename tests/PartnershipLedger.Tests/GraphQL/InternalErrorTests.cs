using System.Collections.Concurrent;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>
/// What a client sees when the server itself fails: INTERNAL, a correlation id, no stack trace, no SQL; the log has the
/// exception under the same correlation id. The failure is real: a table the query needs is dropped behind the app's back
/// (in a schema of this test's own).
/// </summary>
public sealed class InternalErrorTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{formatter(state, exception)} {exception}");
        public void Dispose() { }
    }

    [Fact]
    public async Task An_internal_failure_answers_internal_with_the_correlation_id_and_logs_the_details()
    {
        var logged = new ConcurrentQueue<string>();
        var schema = "internal_error_test";
        var host = await AppFixture.StartAsync(services => services.AddSingleton<ILoggerProvider>(new CapturingLogger(logged)), ("Marten:Schema", schema));
        await host.GraphQLAsync("{ partnerships { totalCount } }");   // Marten has created and checked the table
        await using (var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Ledger")))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"drop table {schema}.mt_doc_partnershipsummary cascade", connection).ExecuteNonQueryAsync();
        }

        try
        {
            var result = await host.ScenarioWithTokenAsync(s =>
            {
                s.Post.Json(new { query = "{ partnerships { totalCount } }" }).ToUrl("/graphql");
                s.WithRequestHeader("X-Correlation-Id", "corr-internal-1");
            });
            var body = await result.ReadAsTextAsync();

            var error = JsonDocument.Parse(body).RootElement.SingleError("INTERNAL");
            Assert.Equal("An internal error occurred; it was logged with correlation id corr-internal-1.", error.GetProperty("message").GetString());
            Assert.Equal("corr-internal-1", error.GetProperty("extensions").GetProperty("correlationId").GetString());
            Assert.DoesNotContain("mt_doc", body);
            Assert.DoesNotContain("select", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" at ", body);
            Assert.Contains(logged, line => line.Contains("corr-internal-1") && line.Contains("mt_doc_partnershipsummary"));
        }
        finally
        {
            await host.DisposeAsync();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Ledger"));
            await connection.OpenAsync();
            await new NpgsqlCommand($"drop schema {schema} cascade", connection).ExecuteNonQueryAsync();
        }
    }
}
