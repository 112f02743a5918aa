using System.Buffers;
using System.Collections.Concurrent;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>
/// Derives maturity from facts, purely: the evidenced level of a function at any business instant, and the
/// full history of changes. Levels only change at instants where some fact happens or leaves its window, so the
/// history is exact: each candidate instant is evaluated and every difference recorded with its cause.
/// </summary>
public sealed class MaturityEvaluator(EvidenceRules rules)
{
    public EvidenceRules Rules { get; } = rules;

    /// <summary>The event fields facts keep for these rules and the readers of facts.</summary>
    public FactFields FactFields { get; } = new(rules);

    /// <summary>
    /// The rules and look-back this evaluator applies, and the format of a stored history, as 16 hex digits of the
    /// SHA-256 of their JSON: stored with every derived history (<see cref="MaturityTimeline.Rules"/>), so one derived
    /// under other rules, or stored in an earlier format, is derived again.
    /// </summary>
    public string RulesFingerprint { get; } =
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { rules, MaturityTimeline.Format })))[..16];

    /// <summary>Facts as known at one system instant, with the membership they imply.</summary>
    public sealed class View
    {
        public View(PartnershipMaturity partnership, DateTimeOffset? knownAt) : this(partnership, partnership.Standing(knownAt))
        {
        }

        private View(PartnershipMaturity partnership, ILookup<string, MaturityFact> facts)
        {
            Partnership = partnership;
            Facts = facts;
        }

        public PartnershipMaturity Partnership { get; }
        public ILookup<string, MaturityFact> Facts { get; }

        /// <summary>The same facts without those that occurred after <paramref name="at"/>: the record as it stood then.</summary>
        public View Until(DateTimeOffset at) =>
            new(Partnership, Facts.SelectMany(group => group).Where(fact => fact.OccurredAt <= at).ToLookup(fact => fact.Type));

        public IEnumerable<MaturityFact> Of(string type) => Facts[type];

        // Caches of what does not depend on the instant. Concurrent: the fields of one reading may resolve in parallel.
        private readonly ConcurrentDictionary<Requirement, MaturityFact[]> matching = new(ReferenceEqualityComparer.Instance);

        /// <summary>
        /// The facts of a requirement's events that meet its field conditions, in the order of its events: they do not
        /// depend on the instant, so they are found once per view, not at every instant a history evaluates.
        /// </summary>
        public IReadOnlyList<MaturityFact> Matching(Requirement requirement) =>
            matching.TryGetValue(requirement, out var found) ? found : matching.GetOrAdd(requirement, FindMatching(requirement));

        private MaturityFact[] FindMatching(Requirement requirement)
        {
            var found = gathered ??= [];
            found.Clear();   // a call that threw left its facts behind
            for (var e = 0; e < requirement.Events.Count; e++)
                foreach (var fact in Of(requirement.Events[e]))
                {
                    var matches = true;
                    for (var c = 0; matches && c < requirement.Where.Count; c++) matches = requirement.Where[c].Matches(fact.Data);
                    if (matches) found.Add(fact);
                }
            var result = found.ToArray();
            found.Clear();
            return result;
        }

        /// <summary>The facts <see cref="FindMatching"/> gathers, a list per thread used again at every call (cleared before and after each, so it holds no fact for long).</summary>
        [ThreadStatic] private static List<MaturityFact>? gathered;

        /// <summary>The member organizations at business time <paramref name="at"/>.</summary>
        public IReadOnlySet<Guid> MembersAt(DateTimeOffset at)
        {
            var members = new HashSet<Guid>();
            foreach (var change in MembershipChanges())
            {
                if (change.At > at) break;
                if (change.Joined) members.UnionWith(change.Organizations);
                else members.ExceptWith(change.Organizations);
            }
            return members;
        }

        private sealed record MembershipChange(DateTimeOffset At, bool Joined, Guid[] Organizations);

        /// <summary>The distinct home regions after each membership change (a reference, so fields resolving in parallel never see half of it).</summary>
        private sealed record RegionCounts(DateTimeOffset[] At, int[] Regions);

        private RegionCounts? homeRegions;

        /// <summary>
        /// How many distinct home regions (ignoring case; unknown ones not counted) the members have at business time
        /// <paramref name="at"/>. Membership changes only at its changes, so the count after each is worked out once per
        /// view and each instant a history evaluates is a binary search, not the members gathered again.
        /// </summary>
        public int HomeRegionsAt(DateTimeOffset at)
        {
            var (instants, regions) = homeRegions ??= CountHomeRegions();
            var index = Array.BinarySearch(instants, at);
            var last = index >= 0 ? index : ~index - 1;   // the last change at or before `at`
            return last < 0 ? 0 : regions[last];
        }

        private RegionCounts CountHomeRegions()
        {
            var instants = MembershipChanges().Select(change => change.At).Distinct().ToArray();
            return new RegionCounts(instants, instants.Select(instant => MembersAt(instant)
                .Select(member => Partnership.Profiles.GetValueOrDefault(member)?.HomeRegion ?? "").Where(region => region != "")
                .Distinct(StringComparer.OrdinalIgnoreCase).Count()).ToArray());
        }

        private MembershipChange[]? membershipChanges;

        /// <summary>Formations, joins and departures in business time order (then system time), read once per view.</summary>
        private MembershipChange[] MembershipChanges() => membershipChanges ??=
            Of(nameof(PartnershipFormed)).Concat(Of(nameof(MemberJoined))).Concat(Of(nameof(MemberLeft)))
                .OrderBy(fact => fact.OccurredAt).ThenBy(fact => fact.RecordedAt)
                .Select(fact => fact.Type == nameof(PartnershipFormed)
                    ? new MembershipChange(fact.OccurredAt, true, fact.Data.GetProperty("memberIds").EnumerateArray().Select(id => id.GetGuid()).ToArray())
                    : new MembershipChange(fact.OccurredAt, fact.Type == nameof(MemberJoined), [fact.Id("organizationId")]))
                .ToArray();

        /// <summary>A signed agreement as the in-force rule reads it: its kind, expiry, termination and reviews.</summary>
        public sealed record Agreement(MaturityFact Signed, string Kind, DateTimeOffset? ExpiresAt, DateTimeOffset? TerminatedAt, DateTimeOffset[] Reviews)
        {
            /// <summary>When it was last signed or reviewed as of <paramref name="at"/>.</summary>
            public DateTimeOffset LastReviewedAt(DateTimeOffset at)
            {
                var last = Signed.OccurredAt;
                foreach (var review in Reviews)
                    if (review <= at && review > last) last = review;
                return last;
            }
        }

        private Agreement[]? agreements;

        /// <summary>Every signed agreement with what happened to it, read once per view (the fields of each fact are parsed once).</summary>
        public IReadOnlyList<Agreement> Agreements()
        {
            if (agreements is not null) return agreements;
            var terminations = Of(nameof(AgreementTerminated)).GroupBy(end => end.Id("agreementId")).ToDictionary(group => group.Key, group => group.Min(end => end.OccurredAt));
            var reviews = Of(nameof(AgreementReviewed)).GroupBy(review => review.Id("agreementId")).ToDictionary(group => group.Key, group => group.Select(review => review.OccurredAt).ToArray());
            return agreements = Of(nameof(AgreementSigned)).Select(signed => new Agreement(signed, signed.Text("kind"), MaturityEvaluator.ExpiryOf(signed),
                terminations.TryGetValue(signed.EventId, out var ended) ? ended : null, reviews.GetValueOrDefault(signed.EventId) ?? [])).ToArray();
        }

        private Dictionary<MaturityFact, DateTimeOffset>? expiries;

        /// <summary>
        /// When a signed agreement of this view (a fact of its own, found by reference) stops being in force by expiry; null
        /// for other facts and agreements that do not expire.
        /// </summary>
        public DateTimeOffset? ExpiresAt(MaturityFact fact)
        {
            if (fact.Type != nameof(AgreementSigned)) return null;
            expiries ??= Agreements().Where(agreement => agreement.ExpiresAt is not null)
                .ToDictionary<Agreement, MaturityFact, DateTimeOffset>(agreement => agreement.Signed, agreement => agreement.ExpiresAt!.Value, ReferenceEqualityComparer.Instance);
            return expiries.TryGetValue(fact, out var expiry) ? expiry : null;
        }

        private readonly ConcurrentDictionary<(Requirement, string), string[]> distinctValues = new();

        private readonly ConcurrentDictionary<Requirement, (bool Initially, DateTimeOffset[] Flips)> holding = new(ReferenceEqualityComparer.Instance);

        /// <summary>
        /// Whether an event requirement (at least N matching facts, or N distinct values, within <paramref name="window"/>)
        /// holds at <paramref name="at"/>. What it counts changes only when a matching fact happens or leaves its window,
        /// so one sweep over those instants (once per view) finds every instant where it starts or stops holding; each
        /// instant a history evaluates is then a binary search, not a count of the facts again.
        /// </summary>
        public bool HoldsAt(Requirement requirement, Period window, DateTimeOffset at)
        {
            // By requirement alone, as Matching is: a view is read under one evaluator's rules, so its window is always the same.
            if (!holding.TryGetValue(requirement, out var swept)) swept = holding.GetOrAdd(requirement, Sweep(requirement, window));
            var (initially, flips) = swept;
            var index = Array.BinarySearch(flips, at);
            var flipped = index >= 0 ? index + 1 : ~index;   // the flips at or before `at`
            return initially ^ (flipped % 2 == 1);
        }

        /// <summary>Whether the requirement holds before any fact, and the instants it starts or stops holding, in order.</summary>
        private (bool Initially, DateTimeOffset[] Flips) Sweep(Requirement requirement, Period window)
        {
            var matching = Matching(requirement);
            var values = requirement.Distinct is { } field ? DistinctValues(requirement, field) : null;
            // A fact counts from when it happened until its window closes (OccurredAt <= at < window end).
            var rented = ArrayPool<(DateTimeOffset At, int Fact, int Delta)>.Shared.Rent(2 * matching.Count);
            var changes = rented.AsSpan(0, 2 * matching.Count);
            for (var i = 0; i < matching.Count; i++)
            {
                changes[2 * i] = (matching[i].OccurredAt, i, 1);
                changes[2 * i + 1] = (window.After(matching[i].OccurredAt), i, -1);
            }
            // The order of changes at one instant does not matter: all of them are applied before the requirement is judged.
            changes.Sort(static (a, b) => a.At.CompareTo(b.At));
            var counted = 0;
            var perValue = values is null ? null : new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var initially = requirement.AtLeast <= 0;
            var holds = initially;
            var flips = new List<DateTimeOffset>();
            for (var i = 0; i < changes.Length;)
            {
                var at = changes[i].At;
                // Every change at one instant is applied before the requirement is judged: the state holds until the next.
                for (; i < changes.Length && changes[i].At == at; i++)
                {
                    var (_, fact, delta) = changes[i];
                    counted += delta;
                    if (values is null || perValue is null) continue;
                    var left = perValue.GetValueOrDefault(values[fact]) + delta;
                    if (left == 0) perValue.Remove(values[fact]);
                    else perValue[values[fact]] = left;
                }
                var now = (perValue is null ? counted : perValue.Count) >= requirement.AtLeast;
                if (now == holds) continue;
                flips.Add(at);
                holds = now;
            }
            ArrayPool<(DateTimeOffset, int, int)>.Shared.Return(rented);
            return (initially, flips.ToArray());
        }

        /// <summary>The <paramref name="field"/> of each of <see cref="Matching"/>'s facts, in its order: read once per view.</summary>
        public IReadOnlyList<string> DistinctValues(Requirement requirement, string field) =>
            distinctValues.GetOrAdd((requirement, field), key => Matching(key.Item1).Select(fact => fact.Text(key.Item2)).ToArray());
    }

    /// <summary>The highest level whose requirements all hold at <paramref name="at"/> (Basic when none does). It runs at every candidate instant of every function: loops, no allocation.</summary>
    public MaturityLevel EvidencedLevel(View view, BusinessFunction function, DateTimeOffset at)
    {
        var level = MaturityLevel.Basic;
        var rules = Rules.For(function);
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (rule.Level <= level) continue;
            var holds = true;
            for (var i = 0; holds && i < rule.Requirements.Count; i++) holds = Holds(view, rule.Requirements[i], at);
            if (holds) level = rule.Level;
        }
        return level;
    }

    /// <summary>The facts that make <paramref name="level"/> hold at <paramref name="at"/>: the evidence behind it.</summary>
    public IEnumerable<MaturityFact> Evidence(View view, BusinessFunction function, MaturityLevel level, DateTimeOffset at) =>
        Rules.For(function).Where(rule => rule.Level == level).SelectMany(rule => rule.Requirements).SelectMany(requirement => Supporting(view, requirement, at))
            .DistinctBy(fact => fact.EventId).OrderBy(fact => fact.OccurredAt);

    /// <summary>When the evidence of the current level stops counting, if nothing new is recorded.</summary>
    public DateTimeOffset? EvidenceExpiresAt(View view, BusinessFunction function, DateTimeOffset at)
    {
        var level = EvidencedLevel(view, function, at);
        if (level == MaturityLevel.Basic) return null;
        // When the evidence standing at `at` runs out if nothing new happens: later facts (renewals) do not count.
        view = view.Until(at);
        return CandidateInstants(view, function).Where(instant => instant > at).FirstOrDefault(instant => EvidencedLevel(view, function, instant) < level) is var next && next != default ? next : null;
    }

    public List<MaturityChange> History(PartnershipMaturity partnership, DateTimeOffset? knownAt = null)
    {
        var view = new View(partnership, knownAt);
        var history = new List<MaturityChange>();
        foreach (var function in Enum.GetValues<BusinessFunction>())
        {
            history.AddRange(EvidencedHistory(view, function));
            history.AddRange(AssessedHistory(view, function));
        }
        // No two changes share instant, function and basis (one per candidate instant, one per assessed instant), so an
        // unstable sort in place gives the one order.
        history.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Function != b.Function ? (int)a.Function - (int)b.Function : (int)a.Basis - (int)b.Basis);
        return history;
    }

    private IEnumerable<MaturityChange> EvidencedHistory(View view, BusinessFunction function)
    {
        MaturityLevel? current = null;
        List<MaturityFact>? relevant = null;
        foreach (var instant in CandidateInstants(view, function, view.Partnership.FormedAt))
        {
            if (instant < view.Partnership.FormedAt) continue;
            var level = EvidencedLevel(view, function, instant);
            if (level == current) continue;
            relevant ??= Relevant(view, function);
            var cause = CauseAt(relevant, instant);
            yield return new MaturityChange(function, instant, current, level, MaturityBasis.Evidenced, cause?.EventId, cause?.Type);
            current = level;
        }
    }

    /// <summary>The fact that happened at <paramref name="instant"/>, the last recorded of several (the first of those recorded together).</summary>
    private static MaturityFact? CauseAt(List<MaturityFact> relevant, DateTimeOffset instant)
    {
        MaturityFact? cause = null;
        foreach (var fact in relevant)
            if (fact.OccurredAt == instant && (cause is null || fact.RecordedAt > cause.RecordedAt)) cause = fact;
        return cause;
    }

    /// <summary>Why a change happened, in words: what caused it and the rule of the level it reached or left.</summary>
    public string Reason(MaturityChange change)
    {
        if (change.Basis == MaturityBasis.Assessed)
            return change.Assessment is { } by ? $"Self-assessment by {by.Organization}: {by.YesCount} yes, {by.Level}" : "Self-assessment";
        string Rule(MaturityLevel level) => Rules.For(change.Function).Single(rule => rule.Level == level).Description;
        var (from, to) = (change.From, change.To);
        if (from is null) return to == MaturityLevel.Basic ? "Partnership formed: no evidence yet" : $"Partnership formed with evidence of {Name(to)}: {Rule(to)}";
        if (to > from) return $"{change.Cause ?? "Evidence"} brought evidence of {Name(to)}: {Rule(to)}";
        if (change.Cause is not null) return $"{change.Cause} ended the evidence of {Name(from.Value)} ({Rule(from.Value)})";
        return $"Evidence expired: {Rule(from.Value)} no longer within its window";
    }

    private static string Name(MaturityLevel level) => level.ToString().ToUpperInvariant();

    private IEnumerable<MaturityChange> AssessedHistory(View view, BusinessFunction function)
    {
        var assessments = AssessmentsInOrder(view, function);
        // Each member's latest assessment so far, kept up to date in one pass: at each instant the level counts every
        // assessment made at it, and the first of them is the change's cause.
        var latest = new Dictionary<Guid, MaturityFact>();
        MaturityLevel? current = null;
        for (var i = 0; i < assessments.Count;)
        {
            var first = assessments[i];
            for (; i < assessments.Count && assessments[i].OccurredAt == first.OccurredAt; i++) KeepLatest(latest, assessments[i]);
            var level = LowestLevel(latest.Values);
            if (level == current || level is null) continue;
            yield return new MaturityChange(function, first.OccurredAt, current, level.Value, MaturityBasis.Assessed, first.EventId,
                Assessment: new SelfAssessed(first.Text("organizationId"), first.Text("yesCount"), first.Text("level")));
            current = level;
        }
    }

    /// <summary>
    /// The partnership's assessed level from its members' latest self-assessments: the lowest of them (a partnership is as
    /// mature as its least mature member says); null when none gives a level.
    /// </summary>
    private static MaturityLevel? LowestLevel(IEnumerable<MaturityFact> latestAssessments)
    {
        MaturityLevel? lowest = null;
        foreach (var assessment in latestAssessments)
            if (assessment.Level is { } level && (lowest is null || level < lowest)) lowest = level;
        return lowest;
    }

    /// <summary>Each member's latest self-assessment of <paramref name="function"/> made by <paramref name="at"/>.</summary>
    public static IReadOnlyCollection<MaturityFact> LatestAssessments(View view, BusinessFunction function, DateTimeOffset at)
    {
        var latest = new Dictionary<Guid, MaturityFact>();
        foreach (var assessment in AssessmentsInOrder(view, function))
        {
            if (assessment.OccurredAt > at) break;
            KeepLatest(latest, assessment);
        }
        return latest.Values;
    }

    /// <summary>A function's self-assessments in the order they count: by business time, then recording time (then recording order).</summary>
    private static List<MaturityFact> AssessmentsInOrder(View view, BusinessFunction function) =>
        view.Of(nameof(SelfAssessmentRecorded)).Where(fact => IsAssessmentOf(fact, function)).OrderBy(fact => fact.OccurredAt).ThenBy(fact => fact.RecordedAt).ToList();

    /// <summary>Takes <paramref name="assessment"/> as its member's latest: assessments are kept in <see cref="AssessmentsInOrder"/>.</summary>
    private static void KeepLatest(Dictionary<Guid, MaturityFact> latest, MaturityFact assessment) => latest[assessment.Id("organizationId")] = assessment;

    /// <summary>Whether a self-assessment fact assesses <paramref name="function"/> (compared where it is stored, no string made).</summary>
    public static bool IsAssessmentOf(MaturityFact assessment, BusinessFunction function) =>
        assessment.Data.TryGetProperty("function", out var of) && of.ValueKind == System.Text.Json.JsonValueKind.String && of.ValueEquals(FunctionKey(function));

    /// <summary>A function's key in the model, rules and stored facts (GEOGRAPHY): worked out once per function.</summary>
    public static string FunctionKey(BusinessFunction function) => FunctionKeys[function];

    private static readonly IReadOnlyDictionary<BusinessFunction, string> FunctionKeys =
        Enum.GetValues<BusinessFunction>().ToDictionary(function => function, function => GraphQL.StringExtensions.ToConstantCase(function.ToString()));

    /// <summary>The facts of the types the function's requirements read, type by type in the order the rules name them.</summary>
    private List<MaturityFact> Relevant(View view, BusinessFunction function)
    {
        var types = new List<string>();
        var rules = Rules.For(function);
        for (var r = 0; r < rules.Count; r++)
            for (var q = 0; q < rules[r].Requirements.Count; q++)
            {
                var read = TypesRead(rules[r].Requirements[q]);
                for (var t = 0; t < read.Count; t++)
                    if (!types.Contains(read[t])) types.Add(read[t]);
            }
        var facts = new List<MaturityFact>();
        foreach (var type in types) facts.AddRange(view.Of(type));
        return facts;
    }

    /// <summary>The types of the facts a requirement reads: agreements', membership's, or its own events'.</summary>
    private static IReadOnlyList<string> TypesRead(Requirement requirement) =>
        requirement.AgreementsInForce is not null ? AgreementTypes : requirement.MemberHomeRegions is not null ? MembershipTypes : requirement.Events;

    private static readonly string[] AgreementTypes = [nameof(AgreementSigned), nameof(AgreementReviewed), nameof(AgreementTerminated)];
    private static readonly string[] MembershipTypes = [nameof(PartnershipFormed), nameof(MemberJoined), nameof(MemberLeft)];

    /// <summary>
    /// Every instant at which some requirement of the function may start or stop holding (and <paramref name="also"/>),
    /// in order, once each (<see cref="SortedOnce"/>).
    /// </summary>
    private DateTimeOffset[] CandidateInstants(View view, BusinessFunction function, DateTimeOffset? also = null)
    {
        var instants = candidates ??= new List<DateTimeOffset>(256);
        instants.Clear();
        var rules = Rules.For(function);
        for (var r = 0; r < rules.Count; r++)
            for (var q = 0; q < rules[r].Requirements.Count; q++)
            {
                var requirement = rules[r].Requirements[q];
                var read = TypesRead(requirement);
                var window = requirement.AgreementsInForce is null && requirement.MemberHomeRegions is null ? WindowOf(requirement) : (Period?)null;
                for (var t = 0; t < read.Count; t++)
                    foreach (var fact in view.Of(read[t]))
                    {
                        instants.Add(fact.OccurredAt);
                        if (window is { } counted) instants.Add(counted.After(fact.OccurredAt));   // it leaves the requirement's window
                        if (requirement.AgreementsInForce is not { } inForce) continue;
                        if (inForce.ReviewedWithin is { } within && fact.Type != nameof(AgreementTerminated)) instants.Add(within.After(fact.OccurredAt));
                        if (view.ExpiresAt(fact) is { } expiry) instants.Add(expiry);
                    }
            }
        if (also is { } extra) instants.Add(extra);
        return SortedOnce(instants);
    }

    /// <summary>
    /// <paramref name="instants"/> in order, once each: of instants equal in time (written with other offsets), the
    /// first found, so a stored change keeps the offset it always had.
    /// </summary>
    private static DateTimeOffset[] SortedOnce(List<DateTimeOffset> instants)
    {
        var rented = ArrayPool<(DateTimeOffset At, int Order)>.Shared.Rent(instants.Count);
        var found = rented.AsSpan(0, instants.Count);
        for (var i = 0; i < found.Length; i++) found[i] = (instants[i], i);
        found.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Order.CompareTo(b.Order));
        var kept = 0;
        for (var i = 0; i < found.Length; i++)
            if (kept == 0 || found[kept - 1].At != found[i].At) found[kept++] = found[i];
        var sorted = new DateTimeOffset[kept];
        for (var i = 0; i < kept; i++) sorted[i] = found[i].At;
        ArrayPool<(DateTimeOffset, int)>.Shared.Return(rented);
        return sorted;
    }

    /// <summary>
    /// The instants <see cref="CandidateInstants"/> gathers, a list per thread used again at every call (a history
    /// gathers them for every function of every partnership; they are sorted into an array of their own).
    /// </summary>
    [ThreadStatic] private static List<DateTimeOffset>? candidates;

    private bool Holds(View view, Requirement requirement, DateTimeOffset at)
    {
        if (requirement.MemberHomeRegions is { } regions) return view.HomeRegionsAt(at) >= regions;
        if (requirement.AgreementsInForce is { } inForce)
        {
            if (requirement.Distinct is { } agreementField)
                return AgreementsInForceAt(view, inForce, at).Select(fact => fact.Text(agreementField)).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= requirement.AtLeast;
            var count = 0;
            foreach (var agreement in view.Agreements())
                if (InForce(agreement, inForce, at) && ++count >= requirement.AtLeast) return true;
            return count >= requirement.AtLeast;
        }
        // This runs at every candidate instant of every function: when the requirement holds is worked out once per view.
        return view.HoldsAt(requirement, WindowOf(requirement), at);
    }

    /// <summary>How long a fact counts for <paramref name="requirement"/>: its own window, or the rules' look-back.</summary>
    private Period WindowOf(Requirement requirement) => requirement.Within ?? Rules.LookBack;

    /// <summary>Whether <paramref name="fact"/> counts at <paramref name="at"/>: it has happened, and its window has not closed.</summary>
    private static bool InWindow(MaturityFact fact, Period window, DateTimeOffset at) => fact.OccurredAt <= at && at < window.After(fact.OccurredAt);

    private IEnumerable<MaturityFact> Supporting(View view, Requirement requirement, DateTimeOffset at)
    {
        if (requirement.AgreementsInForce is { } inForce) return AgreementsInForceAt(view, inForce, at);
        if (requirement.MemberHomeRegions is not null) return [];
        var window = WindowOf(requirement);
        return view.Matching(requirement).Where(fact => InWindow(fact, window, at));
    }

    /// <summary>Agreements of the given kinds signed, not terminated, not expired and (when asked) reviewed recently enough at <paramref name="at"/>.</summary>
    private static IEnumerable<MaturityFact> AgreementsInForceAt(View view, AgreementsInForce inForce, DateTimeOffset at) =>
        view.Agreements().Where(agreement => InForce(agreement, inForce, at)).Select(agreement => agreement.Signed);

    private static bool InForce(View.Agreement agreement, AgreementsInForce inForce, DateTimeOffset at) =>
        agreement.Signed.OccurredAt <= at
        && inForce.Kinds.Contains(agreement.Kind)
        && !(agreement.TerminatedAt <= at)
        && !(agreement.ExpiresAt <= at)
        && (inForce.ReviewedWithin is not { } within || at < within.After(agreement.LastReviewedAt(at)));

    /// <summary>When a signed agreement stops being in force by expiry (<see cref="Partnership.Agreement.EndOf"/>); null when it does not expire.</summary>
    internal static DateTimeOffset? ExpiryOf(MaturityFact fact) =>
        fact.Type == nameof(AgreementSigned) && DateOnly.TryParse(fact.Text("expiresOn"), out var expires) ? Partnership.Agreement.EndOf(expires) : null;
}
