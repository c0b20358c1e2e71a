import Foundation
import Testing
@testable import DispatchModel

@Suite struct LocationTests {
    @Test func planarPointsAreMeasuredWithARulerAndNeverCheckedAsDegrees() {
        let depot = Location.planar(x: 137, y: 10)
        #expect(depot.isValid) // was "coordinates (137.0, 10.0) are out of range" as latitude/longitude
        #expect(depot.planarDistance(to: .planar(x: 140, y: 14)) == 5)
        #expect(depot.kilometres(to: .planar(x: 140, y: 14)) == 5)
        #expect(!Location.planar(x: .infinity, y: 0).isValid)
        #expect(!Location.planar(x: 0, y: -2e9).isValid)
    }

    @Test func geographicPointsAreDegreesAndMeasuredOnTheEarth() {
        #expect(!Location.geographic(lat: 137, lon: 10).isValid)
        #expect(Location.geographic(lat: 30, lon: 120).isValid)
        // One degree of latitude is about 111.2 km.
        let km = Location.geographic(lat: 30, lon: 120).kilometres(to: .geographic(lat: 31, lon: 120))
        #expect(abs(km - 111.19) < 0.01)
    }

    @Test func codableWritesTheFieldsTheScenarioFilesUse() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(Location.planar(x: 1, y: 2)), as: UTF8.self) == #"{"x":1,"y":2}"#)
        #expect(String(decoding: try encoder.encode(Location.geographic(lat: 3, lon: 4)), as: UTF8.self) == #"{"lat":3,"lon":4}"#)
        for location in [Location.planar(x: 1.5, y: -2), .geographic(lat: 30.1, lon: 120.2)] {
            #expect(try JSONDecoder().decode(Location.self, from: try encoder.encode(location)) == location)
        }
    }

    @Test func scenarioJSONTakesPlanarXYAndRefusesAMix() {
        let planar = """
        {"format": "dispatchdesk.scenario/1", "outlet": {"x": 137, "y": 10},
         "travel": {"model": "euclidean"},
         "couriers": [{"id": "c", "capacityKg": 10}],
         "stops": [{"id": "a", "x": 200, "y": 300}, {"id": "b", "lat": 30, "lon": 120}]}
        """
        let loaded = ScenarioReader.read(text: planar, path: "p.json")
        #expect(loaded.scenario.outlet.location == .planar(x: 137, y: 10))
        #expect(loaded.scenario.outlet.zoneRadiusKm == nil)
        #expect(loaded.scenario.stops.first?.location == .planar(x: 200, y: 300))
        #expect(loaded.errors.map(\.description) == ["p.json:4: lat: stop b: lat/lon coordinates, but the outlet has x/y; one scenario uses one kind"])
        // And what the writer writes for a planar day reads back the same.
        var scenario = loaded.scenario
        scenario.stops.removeLast()
        let again = ScenarioReader.read(text: ScenarioWriter.json(scenario), path: "again.json")
        #expect(again.errors.isEmpty, "\(again.errors)")
        #expect(again.scenario.stops == scenario.stops)
        #expect(again.scenario.outlet.location == scenario.outlet.location)
    }

    /// The distance table's haversine with each latitude's cosine given is the same number, bit
    /// for bit, as `kilometres(to:)`: the checker recomputes the plan's kilometres with the latter.
    @Test func theTablesHaversineIsTheSameNumber() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let a = GeoPoint(lat: 30.2 + rng.unit() * 0.1, lon: 120.1 + rng.unit() * 0.1)
            let b = GeoPoint(lat: -89 + rng.unit() * 178, lon: -179 + rng.unit() * 358)
            for (x, y) in [(a, b), (b, a), (a, a)] {
                #expect(GeoPoint.kilometres(from: x, cosLat: x.cosLat, to: y, cosLat: y.cosLat) == x.kilometres(to: y))
            }
        }
    }
}
