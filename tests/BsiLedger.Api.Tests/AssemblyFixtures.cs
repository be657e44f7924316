using BsiLedger.Api.Tests;

[assembly: AssemblyFixture(typeof(ApiServerFixture))]
