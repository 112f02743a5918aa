using Marten;

namespace PartnershipLedger.Recording;

/// <summary>The qualified name of the table Marten keeps a document type in, for plain SQL its queries cannot say.</summary>
public static class DocumentTables
{
    public static string Of<T>(IDocumentStore store) => store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;

    public static string Of<T>(IQuerySession session) => Of<T>(session.DocumentStore);
}
