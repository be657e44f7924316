using BsiLedger.Testing;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
