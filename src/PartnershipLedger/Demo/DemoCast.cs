using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;
using static PartnershipLedger.Model.PartnerType;

namespace PartnershipLedger.Demo;

/// <summary>A demo organization: its placeholder id and the two people who record facts for it.</summary>
internal sealed record DemoOrganization(Guid Id, string Name, string Domain, IReadOnlyList<PartnerType> Types, string Region, IReadOnlyList<string> People)
{
    public Actor Person(Random random) => new(People[random.Next(People.Count)], Id);
}

/// <summary>
/// The demo's organizations (the fictional names of Microsoft's samples), their home regions and circles of trust
/// (001's examples), and the commands that register them.
/// </summary>
internal static class DemoCast
{
    private sealed record Entry(string Name, string Domain, PartnerType[] Types, string Region, string FirstPerson, string SecondPerson);

    private static readonly Entry[] Entries =
    [
        new("Contoso", "contoso", [Isv], "US-WA", "ada", "ben"),
        new("Fabrikam", "fabrikam", [SystemsIntegrator], "US-WA", "carla", "dev"),
        new("Northwind Traders", "northwind", [ValueAddedReseller], "US-OK", "erin", "farid"),
        new("Adventure Works", "adventure-works", [ManagedServiceProvider], "US-OK", "gus", "hana"),
        new("Litware", "litware", [Isv], "US-OR", "ivan", "june"),
        new("Proseware", "proseware", [Isv, SmbCloudPartner], "US-TX", "kai", "lena"),
        new("Tailspin Toys", "tailspin", [SmbCloudPartner], "US-OK", "mia", "nate"),
        new("Wingtip Toys", "wingtip", [ValueAddedReseller], "US-TX", "omar", "pia"),
        new("Woodgrove Bank", "woodgrove", [LicensingSolutionProvider], "United Kingdom", "quinn", "rosa"),
        new("Alpine Ski House", "alpineskihouse", [LearningPartner], "Norway", "sven", "tove"),
        new("Blue Yonder Airlines", "blueyonder", [ManagedServiceProvider], "Sweden", "ulla", "viktor"),
        new("Coho Winery", "cohowinery", [SmbCloudPartner], "US-OR", "wes", "xena"),
        new("Fourth Coffee", "fourthcoffee", [ValueAddedReseller], "Sweden", "yusuf", "zoe"),
        new("Lucerne Publishing", "lucerne", [LearningPartner], "Germany", "anke", "bernd"),
        new("Margie's Travel", "margiestravel", [SmbCloudPartner], "Denmark", "clara", "dag"),
        new("Trey Research", "treyresearch", [Isv], "United Kingdom", "eve", "finn"),
        new("Wide World Importers", "wideworldimporters", [LicensingSolutionProvider], "United Kingdom", "grace", "harry"),
        new("Relecloud", "relecloud", [ManagedServiceProvider, SystemsIntegrator], "US-WA", "iris", "jack"),
        new("VanArsdel", "vanarsdel", [Isv], "Norway", "kari", "lars"),
        new("Lamna Healthcare", "lamna", [Isv], "Sweden", "maja", "nils"),
        new("Graphic Design Institute", "graphicdesigninstitute", [LearningPartner], "US-TX", "olive", "pete"),
        new("Humongous Insurance", "humongousinsurance", [LicensingSolutionProvider], "US-OK", "rita", "sam"),
        new("A. Datum Corporation", "adatum", [SystemsIntegrator], "Denmark", "tina", "uffe"),
        new("Consolidated Messenger", "consolidatedmessenger", [ManagedServiceProvider], "Germany", "vera", "willi"),
        new("First Up Consultants", "firstupconsultants", [SystemsIntegrator], "Sweden", "astrid", "bjorn"),
        new("School of Fine Art", "fineartschool", [LearningPartner], "US-OR", "cora", "dean"),
        new("Southridge Video", "southridgevideo", [ValueAddedReseller], "Norway", "eirik", "frida"),
        new("City Power & Light", "cpandl", [ManagedServiceProvider], "US-TX", "gwen", "hal"),
        new("Best For You Organics", "bestforyouorganics", [SmbCloudPartner], "US-WA", "ines", "joel"),
        new("Nod Publishers", "nodpublishers", [Isv, SmbCloudPartner], "Denmark", "karen", "lukas"),
    ];

    /// <summary>The <paramref name="index"/>th organization: the demo's own, then numbered namesakes in other home regions.</summary>
    private static Entry Namesake(int index)
    {
        var entry = Entries[index % Entries.Length];
        var round = index / Entries.Length;
        if (round == 0) return entry;
        var region = Entries[(index + round) % Entries.Length].Region;
        return entry with { Name = $"{entry.Name} {round + 1}", Domain = $"{entry.Domain}{round + 1}", Region = region };
    }

    /// <summary>001's made-up circles of trust: founders, and one organization brought in later.</summary>
    private static readonly (string Name, string[] Founders, string Joiner)[] Circles =
    [
        ("Oklahoma's Best", ["Northwind Traders", "Adventure Works", "Tailspin Toys", "Humongous Insurance", "Proseware"], "City Power & Light"),
        ("Golden Circle", ["Blue Yonder Airlines", "Fourth Coffee", "Lamna Healthcare", "First Up Consultants", "VanArsdel"], "Margie's Travel"),
        ("Northwest Alliance", ["Contoso", "Fabrikam", "Litware", "Relecloud", "Coho Winery"], "School of Fine Art"),
    ];

    /// <summary>The organization that registers under a longer name and later takes its short one.</summary>
    private const string Renamed = "VanArsdel";

    /// <summary>The demo's own organizations; a larger cast repeats them as numbered namesakes ("Contoso 2").</summary>
    public static int Size => Entries.Length;

    /// <summary>Registers every organization (with its two users) and forms the circles of trust, all before <paramref name="firstPartnership"/>.</summary>
    public static IReadOnlyList<DemoOrganization> Register(DemoClock clock, DateTimeOffset firstPartnership, List<DemoStep> setup, int count)
    {
        var random = clock.Random;
        var organizations = new List<DemoOrganization>();
        var registrations = firstPartnership.AddMonths(-14);
        foreach (var entry in Enumerable.Range(0, count).Select(Namesake))
        {
            var organization = new DemoOrganization(clock.NewId(), entry.Name, entry.Domain, entry.Types, entry.Region,
                [$"{entry.FirstPerson}@{entry.Domain}.example", $"{entry.SecondPerson}@{entry.Domain}.example"]);
            organizations.Add(organization);
            var at = clock.BusinessTime(registrations.AddDays(random.Next(0, 120)));
            var name = entry.Name == Renamed ? $"{entry.Name} Ltd." : entry.Name;
            setup.Add(new DemoStep(new RegisterOrganization(name, entry.Types, entry.Region)
                { Actor = new Actor(organization.People[0], null), OccurredAt = at }, organization.Id));
            foreach (var person in organization.People)
            {
                at = at.AddMinutes(random.Next(5, 40));
                setup.Add(new DemoStep(new AddOrganizationUser(person) { OrganizationId = organization.Id, Actor = new Actor(organization.People[0], organization.Id), OccurredAt = at }));
            }
            if (entry.Name == Renamed)
                setup.Add(new DemoStep(new RenameOrganization(entry.Name)
                    { OrganizationId = organization.Id, Actor = new Actor(organization.People[1], organization.Id), OccurredAt = clock.BusinessTime(at.AddDays(random.Next(150, 200))) }));
        }

        var byName = organizations.ToDictionary(organization => organization.Name);
        foreach (var (name, founders, joiner) in Circles)
        {
            var circle = clock.NewId();
            var members = founders.Select(founder => byName[founder]).ToList();
            var formedAt = clock.BusinessTime(firstPartnership.AddMonths(-6).AddDays(random.Next(0, 60)));
            setup.Add(new DemoStep(new FormCircleOfTrust(name, members.Select(member => member.Id).ToList())
                { Actor = members[0].Person(random), OccurredAt = formedAt }, circle));
            setup.Add(new DemoStep(new AddCircleMember(byName[joiner].Id)
                { CircleId = circle, Actor = members[random.Next(members.Count)].Person(random), OccurredAt = clock.BusinessTime(formedAt.AddDays(random.Next(200, 400))) }));
        }

        // Registrations happened over several months: record them in business time order, as an administrator would.
        var ordered = setup.OrderBy(step => step.Command.OccurredAt).ToList();
        setup.Clear();
        setup.AddRange(ordered);
        return organizations;
    }

    /// <summary>The circle each organization belongs to (founder or joiner), by name; organizations outside every circle are absent.</summary>
    public static IReadOnlyDictionary<string, string> CircleOf() =>
        Circles.SelectMany(circle => circle.Founders.Append(circle.Joiner).Select(member => (member, circle.Name))).ToDictionary(pair => pair.member, pair => pair.Name);
}
