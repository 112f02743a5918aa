using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Npgsql;
using PartnershipLedger.Api.Access;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Api.Bench;

/// <summary>GraphQL reads and mutations over HTTP against the API process, each beside its raw counterpart.</summary>
public sealed class ApiRequests(HttpClient client, DocumentStore store, RawBaselines rawBaselines, IServiceProvider services, int requests)
{
    private const int Clients = 8;

    /// <summary>Partnerships each client records in, in turn (each with a member token of its own).</summary>
    private const int PartnershipsPerClient = 10;

    /// <summary>Commands of each kind (direct, mutation) per warm-up pass, not measured.</summary>
    private const int CommandWarmUp = 100;

    /// <summary>
    /// One client records this many times <see cref="requests"/> commands of each kind per trial. At 200, each kind's
    /// commands took about 0.7 s a trial, and a few stalls of 10-20 ms (a checkpoint, autovacuum, the daemon, a
    /// collection) falling on one kind moved the trial's ratio by several per cent (0.84 to 0.98 per trial over a morning's runs).
    /// </summary>
    public const int OneClientRequestsFactor = 3;

    /// <summary>
    /// How long warm-up passes repeat before the first trial: a hundred rounds were not enough; the first trial then ran
    /// about twice as slow as the others in both processes, even the GraphQL floor (no database) and the raw select,
    /// while tiered compilation was still recompiling the API's hot paths on the same two cores.
    /// </summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(30);

    private readonly Random random = new(7);
    private readonly Dictionary<Guid, string> memberTokens = [];
    private string adminToken = "";
    private List<Guid> partnerships = [];
    private List<(Guid Id, Guid Member)> active = [];

    public async Task PrepareAsync()
    {
        await WaitForImportedRemindersAsync();
        await using var session = store.QuerySession();
        var all = await session.Query<Partnership>().ToListAsync();
        partnerships = all.Select(p => p.Id).ToList();
        active = all.Where(p => p.Status == PartnershipStatus.Active && p.EndedAt is null).Select(p => (p.Id, p.Members[0])).ToList();
        if (active.Count < Clients) throw new InvalidOperationException($"The bench needs at least {Clients} active partnerships; the portfolio has {active.Count}.");
        active = active.Take(2 * Clients * PartnershipsPerClient).ToList();   // half for direct commands, half for mutations
        // Reads as an admin (every partnership is within reach); mutations as a member of the partnership, as a partner would.
        adminToken = await DevelopmentToken.IssueAsync(services, Actor.Admin("bench-reader"), CancellationToken.None);
        foreach (var member in active.Select(p => p.Member).Distinct())
            memberTokens[member] = await DevelopmentToken.IssueAsync(services, Actor.MemberOf($"bench@{member:N}", member), CancellationToken.None);

        // Warm-up, not measured: the first requests of each kind pay JIT (tiered: a method is recompiled after 30
        // calls, then again with its profile) and Wolverine's handler compilation. Passes of a hundred rounds of every
        // read, then the commands, for WarmUpTime (one pass for small runs such as the smoke).
        var warming = Stopwatch.StartNew();
        do await WarmUpPassAsync();
        while (requests >= 20 && warming.Elapsed < WarmUpTime);
        Console.Error.WriteLine($"bench: warmed up for {warming.Elapsed.TotalSeconds:N0} s");
    }

    /// <summary>The API schedules the imported agreements' review reminders when it starts (about 23,000 at a million events): not while measuring.</summary>
    private async Task WaitForImportedRemindersAsync()
    {
        var waiting = Stopwatch.StartNew();
        await using var session = store.QuerySession();
        while (await PartnershipLedger.Functions.Agreement.ImportedReviewReminders.Unscheduled(session).AnyAsync())
        {
            if (waiting.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The API did not schedule the imported review reminders within 10 minutes.");
            await Task.Delay(500);
        }
        Console.Error.WriteLine($"bench: the API scheduled the imported review reminders ({waiting.Elapsed.TotalSeconds:N0} s)");
    }

    private async Task WarmUpPassAsync()
    {
        await ReadRoundsAsync(Reads(DateTimeOffset.UtcNow), 100, (_, _) => { });
        // Commands, as they are measured: enough of each (up to 100 one after another, then up to 25 per client with 8
        // clients) that both sides run tiered-up code: the API process tiers up far more code (HTTP, GraphQL, Wolverine)
        // than the bench's direct path.
        await InterleavedCommandsAsync(1, commandsPerLeg: 1, perClient: Math.Clamp(requests, 3, CommandWarmUp), warmUp: true);
        await InterleavedCommandsAsync(Clients, commandsPerLeg: Math.Clamp(requests, 1, CommandWarmUp / 4), perClient: Math.Clamp(requests, 1, CommandWarmUp / 4), warmUp: true);
    }

    /// <summary>One kind of read: a GraphQL query over HTTP about one partnership, or the raw by-id select.</summary>
    private sealed record Read(string Measure, Func<Guid, (string Query, object Variables)>? Query);

    public const string RawSelect = "raw by-id select of PartnershipMaturity";
    public const string GraphQLFloor = "GraphQL request floor: { __typename }";
    public const string PlainLoad = "GraphQL plain projected-document load: partnership(id) { id name status }";

    private IReadOnlyList<Read> Reads(DateTimeOffset now) =>
    [
        new(RawSelect, null),
        new(GraphQLFloor, _ => ("{ __typename }", new { })),
        new(PlainLoad, id => ("query($id: ID!) { partnership(id: $id) { id name status } }", new { id })),
        new("GraphQL partnership.maturity now", id => ("query($id: ID!) { partnership(id: $id) { maturity { function level assessedLevel gap } } }", new { id })),
        new("GraphQL partnership.maturity(asOf)", id =>
            ("query($id: ID!, $at: DateTime) { partnership(id: $id) { maturity(asOf: $at) { function level assessedLevel gap } } }",
             new { id, at = now.AddDays(-random.Next(1, 900)) })),
        new("GraphQL partnership.maturityHistory", id => ("query($id: ID!) { partnership(id: $id) { maturityHistory { function at from to basis } } }", new { id })),
        new("GraphQL portfolioTrend, 8 quarters", _ =>
            ("query($from: DateTime!, $to: DateTime!) { portfolioTrend(function: LEADS_AND_PIPELINE, from: $from, to: $to, interval: QUARTER) { periodStart basic reactive proactive dynamic ups downs } }",
             new { from = now.AddMonths(-24), to = now.AddMonths(-3) })),
        new("GraphQL auditTrail of a partnership, first page", id =>
            ("query($id: ID!) { auditTrail(partnershipId: $id, first: 20) { edges { node { eventId type summary actor organizationId occurredAt recordedAt } } } }", new { id })),
    ];

    public async Task MeasureAsync(BenchResults results, int trial)
    {
        var latencies = new Dictionary<string, List<double>>();
        await ReadRoundsAsync(Reads(DateTimeOffset.UtcNow), requests, (read, milliseconds) =>
        {
            if (!latencies.TryGetValue(read.Measure, out var list)) latencies[read.Measure] = list = [];
            list.Add(milliseconds);
        });
        foreach (var (measure, list) in latencies) results.AddLatencies(measure, trial, list);

        await MeasureCommandsAsync(results, trial);
    }

    /// <summary>A partner meeting recorded directly with Marten and by the mutation over HTTP, with 1 and 8 clients.</summary>
    public async Task MeasureCommandsAsync(BenchResults results, int trial)
    {
        var (direct, mutation) = await InterleavedCommandsAsync(1, commandsPerLeg: 1, perClient: requests * OneClientRequestsFactor);
        results.AddCommands("direct Marten command, 1 client", trial, direct);
        results.AddCommands("GraphQL mutation over HTTP, 1 client", trial, mutation);
        (direct, mutation) = await InterleavedCommandsAsync(Clients, commandsPerLeg: Math.Clamp(requests, 1, 25));
        results.AddCommands("direct Marten command, 8 clients", trial, direct);
        results.AddCommands("GraphQL mutation over HTTP, 8 clients", trial, mutation);
    }

    /// <summary>
    /// Direct commands and mutations measured in alternating legs, as the reads are in rounds: in each leg every client
    /// records <paramref name="commandsPerLeg"/> commands of one kind on partnerships of its own, and the kind that goes
    /// first alternates from one round to the next, so a slow moment of the shared machine (a checkpoint, autovacuum)
    /// hits both kinds alike. (One block of each kind after the other made the 1-client ratio swing from 0.66 to 1.08
    /// between trials.) A kind's rate is its commands over the time its legs took; about <paramref name="perClient"/>
    /// (default <see cref="requests"/>) commands of each kind per client. A leg ends with its slowest client: with 8 clients, legs of 25 commands keep that wait
    /// (idle clients at a leg's end) to a few per cent of the measure.
    /// </summary>
    private async Task<((List<double> Latencies, double PerSecond) Direct, (List<double> Latencies, double PerSecond) Mutation)> InterleavedCommandsAsync(
        int clients, int commandsPerLeg, int? perClient = null, bool warmUp = false)
    {
        var rounds = Math.Max(1, (perClient ?? requests) / commandsPerLeg);
        Console.Error.WriteLine($"bench: {clients} client(s), {rounds * commandsPerLeg} direct commands and as many mutations each, in alternating legs of {commandsPerLeg}" +
                                (warmUp ? " (warm-up)" : ""));
        var kinds = new Func<(Guid Id, Guid Member), Task>[] { DirectAsync, MutationAsync }.Select(record =>
        {
            // Each client's own partnerships, worked out before any leg is timed.
            var own = CommandPartnerships(record);
            return new CommandKind(record, Enumerable.Range(0, clients).Select(client => own.Where((_, i) => i % clients == client).ToList()).ToList());
        }).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var k = 0; k < kinds.Length; k++)
            {
                var kind = kinds[(round + k) % kinds.Length];
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(kind.PerClient.Select(mine => Task.Run(async () =>
                {
                    for (var n = 0; n < commandsPerLeg; n++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await kind.Record(mine[(round * commandsPerLeg + n) % mine.Count]);
                        lock (kind.Latencies) kind.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                })));
                kind.Seconds += watch.Elapsed.TotalSeconds;
            }
        return ((kinds[0].Latencies, kinds[0].Latencies.Count / kinds[0].Seconds), (kinds[1].Latencies, kinds[1].Latencies.Count / kinds[1].Seconds));
    }

    private sealed class CommandKind(Func<(Guid Id, Guid Member), Task> record, List<List<(Guid Id, Guid Member)>> perClient)
    {
        public Func<(Guid Id, Guid Member), Task> Record { get; } = record;
        public List<List<(Guid Id, Guid Member)>> PerClient { get; } = perClient;
        public List<double> Latencies { get; } = [];
        public double Seconds { get; set; }
    }

    /// <summary>
    /// Rounds of reads, interleaved: each round takes a random partnership and runs every kind of read on it once,
    /// starting from a different kind each round, so a slow moment of the shared machine hits all kinds alike.
    /// </summary>
    private async Task ReadRoundsAsync(IReadOnlyList<Read> reads, int rounds, Action<Read, double> measured)
    {
        await using var connection = await rawBaselines.ConnectAsync();
        for (var round = 0; round < rounds; round++)
        {
            var id = partnerships[random.Next(partnerships.Count)];
            for (var k = 0; k < reads.Count; k++)
            {
                var read = reads[(round + k) % reads.Count];
                measured(read, read.Query is null ? await rawBaselines.SelectMaturityByIdAsync(connection, id) : await QueryAsync(read.Query(id)));
            }
        }
    }

    private async Task<double> QueryAsync((string Query, object Variables) request)
    {
        var watch = Stopwatch.StartNew();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = request.Query, variables = request.Variables }) };
        post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await client.SendAsync(post);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"")) throw new InvalidOperationException($"GraphQL failed: {body}");
        return elapsed;
    }

    /// <summary>
    /// The partnerships one kind of command records in: direct commands and mutations each their own half of the active
    /// partnerships (alternating, so both halves are alike). Recording a meeting lengthens the partnership's history, and
    /// the inline maturity projection re-evaluates the whole history at every command: on shared partnerships whichever
    /// kind runs second would pay for the events the first one added. Below 2 × 8 active partnerships (--smoke) they share.
    /// </summary>
    private List<(Guid Id, Guid Member)> CommandPartnerships(Func<(Guid Id, Guid Member), Task> record) =>
        active.Count < 2 * Clients ? active : active.Where((_, i) => i % 2 == (record.Method.Name == nameof(MutationAsync) ? 1 : 0)).ToList();

    private async Task DirectAsync((Guid Id, Guid Member) partnership)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Partnership>(partnership.Id);
        session.LastModifiedBy = "bench";
        stream.AppendOne(new PartnerMeetingHeld(partnership.Id, false, "Bench", DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    private async Task MutationAsync((Guid Id, Guid Member) partnership)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new
            {
                query = "mutation($i: HoldPartnerMeetingInput!) { holdPartnerMeeting(input: $i) { eventId version } }",
                variables = new { i = new { partnershipId = partnership.Id, inPerson = false, topic = "Bench" } },
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", memberTokens[partnership.Member]);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out _)) throw new InvalidOperationException($"Mutation failed: {body}");
    }
}
