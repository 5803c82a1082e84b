fn main() {
    for a in std::env::args().skip(1) {
        let u = supportbot::understand::classify(&a);
        println!("{:?} plain={} q={} <- {}", u.intent, u.plain, u.question, a);
    }
}
