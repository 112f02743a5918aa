namespace PartnershipLedger.Model;

/// <summary>The four levels of the P2P Maturity Model, lowest first; the numeric value is the rank.</summary>
public enum MaturityLevel
{
    Basic = 0,
    Reactive = 1,
    Proactive = 2,
    Dynamic = 3,
}
